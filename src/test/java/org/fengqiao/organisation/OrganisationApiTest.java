package org.fengqiao.organisation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@FengqiaoTest
class OrganisationApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void treeStartsWithTheCityCentreAndNestsCountiesTownsAndCommittees() throws Exception {
        mvc.perform(get("/api/organisations").with(httpBasic("clerk", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("rz"))
                .andExpect(jsonPath("$[0].type").value("CENTRE"))
                .andExpect(jsonPath("$[0].level").value("CITY"))
                .andExpect(jsonPath("$[0].children[0].id").value("rz-ls"))
                .andExpect(jsonPath("$[0].children[0].children[0].children[0].type").value("PEOPLES_MEDIATION_COMMITTEE"));
    }

    @Test
    void meShowsGroupsAndOrganisations() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("mediator1", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("mediator1"))
                .andExpect(jsonPath("$.groups[?(@ == 'mediator')]").exists())
                .andExpect(jsonPath("$.organisations[0].id").value("rz-ls-adw-tw"))
                .andExpect(jsonPath("$.organisations[0].level").value("TOWN"));
    }

    @Test
    void noCredentialsGiveAProblem401() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"));
        mvc.perform(get("/api/me").with(httpBasic("nobody", "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void engineRestRequiresLogin() throws Exception {
        mvc.perform(get("/engine-rest/engine")).andExpect(status().isUnauthorized());
    }
}
