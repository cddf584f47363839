package org.fengqiao.custody;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Small helpers shared by the custody tests: drive the API as a demo user. */
abstract class CustodyApiSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    abstract MockMvc mvc();

    ResultActions postAs(String user, String path, String body) throws Exception {
        return validated(mvc().perform(post(path).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body)));
    }

    ResultActions getAs(String user, String path) throws Exception {
        return validated(mvc().perform(get(path).with(httpBasic(user, "demo"))));
    }

    /** Every exchange of the custody API tests is checked against the OpenAPI document. */
    ResultActions validated(ResultActions actions) {
        org.fengqiao.support.OpenApiValidation.check(mvc(), actions.andReturn());
        return actions;
    }

    /** The texts of a JSON array, e.g. an item's {@code allowedActions}. */
    static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    JsonNode read(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    String openCase(String user, String agencyId, List<String> officers) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("agencyCaseNo", "测试-" + UUID.randomUUID(),
                "caseName", "测试案件 " + UUID.randomUUID().toString().substring(0, 8), "caseType", "CRIMINAL",
                "handlingAgencyId", agencyId, "officerIds", officers));
        JsonNode created = read(postAs(user, "/api/property-cases", body)
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated()));
        return created.get("id").asText();
    }

    String openPoliceCase() throws Exception {
        return openCase("officer1", "rz-police", List.of("officer1", "officer2"));
    }

    /** SHA-256 of a (test) photo. */
    static final String PHOTO = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /**
     * Registers one item per category with a source (C21); valuables and cash are sealed by the
     * case's first two officers and photographed (C19).
     */
    List<JsonNode> register(String user, String caseId, String... categories) throws Exception {
        JsonNode officers = read(getAs(user, "/api/property-cases/" + caseId)).get("officerIds");
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < categories.length; i++) {
            if (i > 0) {
                body.append(',');
            }
            String sealing = categories[i].equals("VALUABLE") || categories[i].equals("CASH")
                    ? ",\"sealedBy\":[\"%s\",\"%s\"],\"photoHashes\":[\"%s\"]".formatted(officers.get(0).asText(),
                    officers.get(1).asText(), PHOTO) : "";
            body.append("""
                    {"name":"测试物品%d","category":"%s","quantity":1,"unit":"件","measure":"SEIZE","valuation":1000,
                     "evidenceUse":true,"description":"描述","source":"犯罪嫌疑人随身携带"%s}""".formatted(i, categories[i],
                    sealing));
        }
        body.append(']');
        JsonNode items = read(postAs(user, "/api/property-cases/" + caseId + "/items", body.toString())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated()));
        List<JsonNode> result = new ArrayList<>();
        items.forEach(result::add);
        return result;
    }

    /** The proceedings of the case ended (C17): final disposals may be requested. */
    JsonNode conclude(String user, String caseId) throws Exception {
        return read(postAs(user, "/api/property-cases/" + caseId + "/stage",
                "{\"stage\":\"CONCLUDED\",\"documentNo\":\"（2026）鲁1103刑初1号判决书\"}")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk()));
    }

    JsonNode act(String user, String itemId, String action, String body) throws Exception {
        return read(postAs(user, "/api/property-items/" + itemId + "/" + action, body)
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk()));
    }

    /** Registers an item and brings it into storage; answers its id. */
    String stored(String caseId, String officer, String category, String zoneId) throws Exception {
        String id = register(officer, caseId, category).get(0).get("id").asText();
        act(officer, id, "handover", "{\"centreId\":\"rz-custody\"}");
        act("custodian", id, "inspection",
                "{\"result\":\"PASS\",\"zoneId\":\"" + zoneId + "\",\"location\":\"A-01-01\",\"condition\":\"完好\"}");
        return id;
    }

    String storedPoliceItem(String caseId, String category) throws Exception {
        return stored(caseId, "officer1", category, category.equals("DANGEROUS") ? "zone-hazardous" : "zone-ordinary");
    }
}
