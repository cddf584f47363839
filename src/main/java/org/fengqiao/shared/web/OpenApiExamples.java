package org.fengqiao.shared.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

/**
 * An example for every request body and success response, built from the schema with the values of
 * one running case — the wage arrears of six workers (欠薪, 170,000 yuan) and the items seized in a
 * related fraud case — so that a new endpoint gets an example without anyone writing one. A
 * property's example comes from its name ({@link #BY_NAME}), else its enum's first value, else its
 * type and format.
 */
final class OpenApiExamples {

    /** Values of the wage-arrears case by property name; enums still have to contain the value. */
    static final Map<String, Object> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("title", "6名务工人员追讨工资");
        BY_NAME.put("facts", "某建筑公司拖欠6名务工人员2026年7月至10月工资共计17万元，多次催要未果。");
        BY_NAME.put("claims", "支付拖欠工资17万元");
        BY_NAME.put("category", "LABOR");
        BY_NAME.put("channel", "GRID_REPORT");
        BY_NAME.put("amountInvolved", new BigDecimal("170000"));
        BY_NAME.put("amount", new BigDecimal("170000"));
        BY_NAME.put("centreId", "rz");
        BY_NAME.put("orgId", "rz-ls-adw-tw");
        BY_NAME.put("caseNo", "（2026）日矛调字第0021号");
        BY_NAME.put("name", "张某");
        BY_NAME.put("idNumber", "371102198503150012");
        BY_NAME.put("phone", "13800000000");
        BY_NAME.put("address", "日照市岚山区安东卫街道");
        BY_NAME.put("role", "APPLICANT");
        BY_NAME.put("type", "NATURAL");
        BY_NAME.put("decision", "ACCEPT");
        BY_NAME.put("mediationType", "PEOPLES");
        BY_NAME.put("level", "TOWN");
        BY_NAME.put("assignmentMode", "PUSH");
        BY_NAME.put("complexity", "ORDINARY");
        BY_NAME.put("riskLevel", "MEDIUM");
        BY_NAME.put("accepted", true);
        BY_NAME.put("approved", true);
        BY_NAME.put("respondentConsent", "AGREED");
        BY_NAME.put("presidingMediatorId", "mediator1");
        BY_NAME.put("mediatorIds", List.of("mediator1"));
        BY_NAME.put("selectedBy", "ORG");
        BY_NAME.put("place", "安东卫街道人民调解委员会调解室");
        BY_NAME.put("minutes", "双方确认欠薪数额，某建筑公司同意分两期支付。");
        BY_NAME.put("rightsNoticeDelivered", true);
        BY_NAME.put("form", "WRITTEN");
        BY_NAME.put("terms", "某建筑公司于2026年12月31日前支付工资17万元。");
        BY_NAME.put("signedBy", List.of("张某", "某建筑公司"));
        BY_NAME.put("applicants", List.of("张某", "某建筑公司"));
        BY_NAME.put("sealed", true);
        BY_NAME.put("court", "岚山区人民法院");
        BY_NAME.put("result", "CONFIRMED_VALID");
        BY_NAME.put("status", "DONE");
        BY_NAME.put("evidence", "银行转账回单");
        BY_NAME.put("satisfaction", "SATISFIED");
        BY_NAME.put("performanceStatus", "DONE");
        BY_NAME.put("notes", "当事人对调解结果满意");
        BY_NAME.put("reason", "申请人要求尽快解决");
        BY_NAME.put("volumeNo", "2026-LS-0021");
        BY_NAME.put("retentionYears", 10);
        BY_NAME.put("extraDays", 15);
        BY_NAME.put("allPartiesConsent", true);
        BY_NAME.put("routesInformed", List.of("LITIGATION"));
        BY_NAME.put("fileName", "agreement.pdf");
        BY_NAME.put("contentBase64", "JVBERi0xLjQK");
        BY_NAME.put("description", "务工人员反映某工地拖欠工资");
        BY_NAME.put("urgency", "URGENT");
        BY_NAME.put("gridId", "rz-ls-adw-grid-01");
        BY_NAME.put("agencyCaseNo", "岚公刑立字〔2026〕1203号");
        BY_NAME.put("caseName", "某建筑公司负责人涉嫌拒不支付劳动报酬案");
        BY_NAME.put("caseType", "CRIMINAL");
        BY_NAME.put("quantity", new BigDecimal("1"));
        BY_NAME.put("unit", "台");
        BY_NAME.put("measure", "SEIZE");
        BY_NAME.put("valuation", new BigDecimal("8000"));
        BY_NAME.put("evidenceUse", true);
        BY_NAME.put("source", "从某建筑公司办公室扣押");
        BY_NAME.put("condition", "完好");
        BY_NAME.put("location", "A-01-03");
        BY_NAME.put("receiptNo", "HZ-2026-0012");
        BY_NAME.put("legalBasisDocNo", "岚公（刑）决字〔2026〕88号");
        BY_NAME.put("mode", "PHYSICAL");
        BY_NAME.put("from", "2026-01-01");
        BY_NAME.put("to", "2026-12-31");
        BY_NAME.put("year", 2027);
        BY_NAME.put("page", 0);
        BY_NAME.put("size", 20);
        BY_NAME.put("total", 1);
    }

    private final Map<String, Schema> components;

    @SuppressWarnings("rawtypes")
    OpenApiExamples(Map<String, Schema> components) {
        this.components = components == null ? Map.of() : components;
    }

    void apply(Operation operation) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().forEach((type, media) -> example(media));
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null) {
                response.getContent().forEach((type, media) -> example(media));
            }
        });
    }

    private void example(MediaType media) {
        if (media.getExample() == null && media.getExamples() == null && media.getSchema() != null) {
            Object value = value(media.getSchema(), null, 0);
            if (value != null) {
                media.setExample(value);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Object value(Schema schema, String property, int depth) {
        if (depth > 6 || schema == null) {
            return null;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return value(components.get(name), property, depth + 1);
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return value((Schema) schema.getAllOf().get(0), property, depth);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        List<?> enumeration = schema.getEnum();
        Object named = property == null ? null : BY_NAME.get(property);
        if (enumeration != null && !enumeration.isEmpty()) {
            if (named != null && enumeration.stream().anyMatch(e -> String.valueOf(e).equals(String.valueOf(named)))) {
                return named;
            }
            return enumeration.get(0);
        }
        String type = schema.getType();
        if ("array".equals(type) || schema.getItems() != null) {
            if (named instanceof List<?> l) {
                return l;
            }
            Object item = value(schema.getItems(), singular(property), depth + 1);
            if ("parties".equals(property) && item instanceof Map<?, ?> applicant && applicant.containsKey("role")) {
                // a case needs both sides: the workers and the company that owes them
                Map<Object, Object> respondent = new LinkedHashMap<>(applicant);
                respondent.put("role", "RESPONDENT");
                respondent.put("name", "某建筑公司");
                respondent.remove("idNumber");
                return List.of(item, respondent);
            }
            return item == null ? List.of() : List.of(item);
        }
        if ("object".equals(type) || schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                ((Map<String, Schema>) schema.getProperties()).forEach((name, p) -> {
                    Object v = value(p, name, depth + 1);
                    if (v != null) {
                        object.put(name, v);
                    }
                });
            }
            return object;
        }
        if (named != null && matches(type, named)) {
            return named;
        }
        String format = schema.getFormat();
        if ("string".equals(type)) {
            if ("date-time".equals(format)) {
                return "2026-12-04T10:00:00+08:00";
            }
            if ("date".equals(format)) {
                return "2026-12-31";
            }
            if (property != null && (property.endsWith("Id") || property.equals("id"))) {
                return property.equals("centreId") ? "rz" : "e5b1c7a2-0d6f-4f2e-9a8b-3c4d5e6f7a80";
            }
            if (property != null && property.endsWith("At")) {
                return "2026-12-04T10:00:00+08:00";
            }
            return "示例";
        }
        if ("integer".equals(type)) {
            return 1;
        }
        if ("number".equals(type)) {
            return new BigDecimal("170000");
        }
        if ("boolean".equals(type)) {
            return true;
        }
        return null;
    }

    private static boolean matches(String type, Object value) {
        return switch (type == null ? "" : type) {
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            default -> false;
        };
    }

    private static String singular(String property) {
        if (property == null) {
            return null;
        }
        if (property.endsWith("ies")) {
            return property.substring(0, property.length() - 3) + "y";
        }
        return property.endsWith("s") ? property.substring(0, property.length() - 1) : property;
    }
}
