package org.fengqiao.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JSON value of the wrong type is a 400 malformed-request that names the field (issue 15: the
 * fuzzer's {@code true} and {@code -53} used to be stored as the strings "true" and "-53").
 */
@FengqiaoTest
class StrictJsonTypesTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(mvc, mapper);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "title          | true",
            "title          | -53",
            "facts          | 1.5",
            "centreId       | false",
            "amountInvolved | \"170000\"",
            "parties        | \"张某\""})
    void aValueOfTheWrongTypeIsMalformedAndNamesTheField(String field, String json) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("title", "6名务工人员追讨工资", "category", "LABOR",
                "channel", "GRID_REPORT", "centreId", "rz", "amountInvolved", 170000,
                "parties", List.of(Map.of("role", "APPLICANT", "type", "NATURAL", "name", "张某"),
                        Map.of("role", "RESPONDENT", "type", "LEGAL", "name", "某建筑公司"))));
        body.put(field, mapper.readTree(json));
        Api.Response response = api.post("clerk", "/api/disputes", body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("/problems/malformed-request");
        assertThat(response.text("detail")).contains(field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"accepted | \"true\"", "accepted | 1", "reason | true"})
    void anActionBodyIsJustAsStrict(String field, String json) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("accepted", false, "reason", "不属于本委员会受理范围"));
        body.put(field, mapper.readTree(json));
        Api.Response response = api.post("orgadmin", "/api/disputes/00000000-0000-0000-0000-000000000000/acceptance", body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.text("detail")).contains(field);
    }
}
