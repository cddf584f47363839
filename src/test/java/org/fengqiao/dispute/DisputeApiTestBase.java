package org.fengqiao.dispute;

import org.fengqiao.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The dispute API tests' common start: the API as the demo users see it, and the case fixtures on it. */
abstract class DisputeApiTestBase {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;

    Api api;
    DisputeFixtures f;

    @BeforeEach
    void connectApi() {
        api = new Api(mvc, mapper);
        f = new DisputeFixtures(api);
        // the fixtures see this base class as their caller; the model coverage check needs the test class
        DisputeFixtures.USED_BY.add(getClass().getSimpleName());
    }
}
