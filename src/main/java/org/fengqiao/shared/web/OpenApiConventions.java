package org.fengqiao.shared.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document by convention rather than by per-operation annotations, so that every
 * endpoint — those added later included — is documented the same way:
 * <ul>
 *   <li>schema names carry their module ({@code DisputeReview}, {@code AppealReview}), so records
 *       with the same simple name in two modules no longer overwrite each other;</li>
 *   <li>operation ids are {@code <controller><Method>} ({@code disputeControllerTriage} becomes
 *       {@code disputeTriage}), stable for generated clients;</li>
 *   <li>every operation lists the problems it can answer ({@code application/problem+json}, RFC 9457)
 *       from what it has: a path id → 404, a body → 400/413/415/422, a state-changing method → 409,
 *       and 401/403/429 everywhere; a 201 carries its {@code Location} header;</li>
 *   <li>a property whose Java type can hold null (not primitive, no {@code @NotNull}) is
 *       {@code nullable}, because the server writes nulls;</li>
 *   <li>HTTP Basic is the global security scheme;</li>
 *   <li>every request and success response gets an example built from its schema with the values
 *       of the wage-arrears case (欠薪, {@link OpenApiExamples}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConventions {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String BASIC = "basicAuth";

    /**
     * Java class behind each schema name, for the nullable pass. Static because swagger-core keeps
     * its model converters in a JVM-wide singleton: with two application contexts in one JVM (tests)
     * only the first context's resolver is registered, and it fills this map for both.
     */
    private static final Map<String, Class<?>> schemaClasses = new ConcurrentHashMap<>();

    @Bean
    OpenAPI fengqiaoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Fengqiao 枫桥 API").version("0.1.0")
                        .license(new io.swagger.v3.oas.models.info.License().name("Apache-2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0"))
                        .description("REST facade of the Fengqiao case-workflow engine: dispute mediation, grid appeals, "
                                + "督办 supervision, case-property custody, reports. HTTP Basic against the Camunda users. "
                                + "Errors are RFC 9457 problems; precedence 401, 404, 403, 409, 422. Every POST honours "
                                + "an Idempotency-Key header. Actions return the resource after all automatic steps, with "
                                + "allowedActions for the caller."))
                .servers(List.of(new Server().url("/").description("this server")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Camunda identity users (demo users: password demo)"))
                        )
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /**
     * Schema names: {@code <Module><Nested names>} unless the name starts with the module already.
     * Runs behind springdoc's own converters (which unwrap ResponseEntity and friends).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelConverter moduleSchemaNames() {
        return new ModelResolver(Json.mapper(), new ModuleTypeNames(schemaClasses)) {
            /** {@link org.fengqiao.shared.Text} is a length limit in code points: maxLength. */
            @Override
            @SuppressWarnings("rawtypes")
            protected boolean applyBeanValidatorAnnotations(Schema property, java.lang.annotation.Annotation[] annotations,
                                                            Schema parent, boolean applyNotNullAnnotations) {
                boolean modified = super.applyBeanValidatorAnnotations(property, annotations, parent,
                        applyNotNullAnnotations);
                if (annotations != null && property != null) {
                    for (java.lang.annotation.Annotation annotation : annotations) {
                        if (annotation instanceof org.fengqiao.shared.Text text) {
                            property.setMaxLength(text.max());
                            modified = true;
                        }
                    }
                }
                return modified;
            }
        };
    }

    static final class ModuleTypeNames extends TypeNameResolver {
        private final Map<String, Class<?>> classes;

        ModuleTypeNames(Map<String, Class<?>> classes) {
            this.classes = classes;
        }

        @Override
        protected String nameForClass(Class<?> cls, Set<Options> options) {
            String name = super.nameForClass(cls, options);
            classes.putIfAbsent(name, cls);
            return name;
        }

        @Override
        protected String getNameOfClass(Class<?> cls) {
            String simple = cls.getSimpleName();
            String pkg = cls.getPackageName();
            if (!pkg.startsWith("org.fengqiao.")) {
                return simple;
            }
            String module = pkg.substring("org.fengqiao.".length()).split("\\.")[0];
            String prefix = Character.toUpperCase(module.charAt(0)) + module.substring(1);
            // a nested record (DisputeRequests.Review) is named after what it is, not its holder
            return simple.startsWith(prefix) ? simple : prefix + simple;
        }
    }

    @Bean
    OperationCustomizer operationIds() {
        return (operation, handler) -> {
            String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            String method = handler.getMethod().getName();
            operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer problemsAndConventions() {
        return openApi -> {
            Components components = openApi.getComponents();
            if (components.getSchemas() == null) {
                components.setSchemas(new TreeMap<>());
            }
            addProblemSchemas(components.getSchemas());
            components.getSchemas().values().forEach(OpenApiConventions::freeValues);
            if (components.getSchemas() != null) {
                markNullable(components.getSchemas());
                // deterministic order for the published document
                components.setSchemas(new TreeMap<>(components.getSchemas()));
            }
            if (openApi.getPaths() == null) {
                return;
            }
            OpenApiExamples examples = new OpenApiExamples(components.getSchemas());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                document(path, method, operation);
                examples.apply(operation);
            }));
        };
    }


    /** RFC 9457 problem, as ProblemHandler and the security filters write it. */
    @SuppressWarnings("rawtypes")
    private static void addProblemSchemas(Map<String, Schema> schemas) {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the offending field, as named in the request"))
                .addProperty("message", new StringSchema().description("中文 (English)"))
                .required(List.of("field", "message"));
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem. type is /problems/<slug>: malformed-request 400, unauthorized 401, "
                        + "forbidden 403, not-found 404, illegal-transition / deadline-passed / proceedings-pending / "
                        + "idempotency-conflict / ledger-mismatch 409, payload-too-large 413, unsupported-media-type 415, "
                        + "validation-failed 422 (with errors), too-many-requests 429")
                .addProperty("type", new StringSchema().example("/problems/validation-failed"))
                .addProperty("title", new StringSchema().example("Validation failed"))
                .addProperty("status", new IntegerSchema().format("int32").example(422))
                .addProperty("detail", new StringSchema().nullable(true)
                        .example("title: 必填 (required)"))
                .addProperty("instance", new StringSchema().nullable(true))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("validation-failed only: one entry per offending field"));
        problem.setRequired(List.of("type", "title", "status"));
        schemas.put(PROBLEM, problem);
        schemas.put("FieldError", fieldError);
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(method + " " + path);
        }
        ApiResponses responses = operation.getResponses();
        boolean hasBody = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean pathId = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
        boolean query = parameters.stream().anyMatch(p -> "query".equals(p.getIn()));
        // an organisation, case or zone named in the query may be unknown or invisible to the caller
        boolean queryId = parameters.stream().anyMatch(p -> "query".equals(p.getIn()) && p.getName().endsWith("Id"));
        boolean changes = method != PathItem.HttpMethod.GET;

        responses.forEach((status, response) -> {
            // a handler without "produces" is documented as */*; the API answers JSON
            if (response.getContent() != null && response.getContent().containsKey("*/*")) {
                MediaType any = response.getContent().remove("*/*");
                response.getContent().putIfAbsent(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
            }
            if ("201".equals(status)) {
                response.addHeaderObject("Location", new Header().description("URI of the created resource")
                        .schema(new StringSchema().format("uri-reference")));
            }
            if (response.getDescription() == null || response.getDescription().isBlank()
                    || "OK".equals(response.getDescription())) {
                response.setDescription("201".equals(status) ? "Created" : "OK");
            }
        });
        if (hasBody || query || pathId) {
            problem(responses, "400", "malformed-request: body not parseable, a JSON type that does not match the field, "
                    + "an unknown enum value, or a parameter of the wrong type (the detail names the field)");
        }
        problem(responses, "401", "unauthorized: no or wrong HTTP Basic credentials");
        problem(responses, "403", "forbidden: the caller's role may not do this");
        if (pathId || queryId) {
            problem(responses, "404", "not-found: unknown id, or outside the caller's organisations");
        }
        if (changes) {
            problem(responses, "409", "illegal-transition (state), deadline-passed, proceedings-pending, "
                    + "idempotency-conflict or ledger-mismatch");
        }
        if (hasBody) {
            problem(responses, "413", "payload-too-large: the body exceeds fengqiao.api.max-body-bytes");
            problem(responses, "415", "unsupported-media-type: the body must be application/json");
        }
        if (hasBody || query || changes) {
            problem(responses, "422", "validation-failed: well-formed but breaks a rule; errors names each field");
        }
        problem(responses, "429", "too-many-requests: too many wrong passwords for this user from this address "
                + "(Retry-After)");
        if (changes) {
            boolean hasKey = parameters.stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
            if (!hasKey && method == PathItem.HttpMethod.POST) {
                operation.addParametersItem(new Parameter().in("header").name("Idempotency-Key").required(false)
                        .description("a repeat with the same key and body returns the first response; "
                                + "another body with the same key is 409 idempotency-conflict")
                        .schema(new StringSchema().maxLength(200)));
            }
        }
        // keep the order 2xx, 4xx ascending for readers
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        responses.putAll(sorted);
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    /**
     * {@code Map<String, Object>} comes out as {@code additionalProperties: {type: object}}, which
     * forbids the strings, numbers and lists the history's details hold: any JSON value is allowed.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void freeValues(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getAdditionalProperties() instanceof Schema values) {
            if ("object".equals(values.getType()) && values.getProperties() == null && values.get$ref() == null
                    && values.getAdditionalProperties() == null) {
                schema.setAdditionalProperties(Boolean.TRUE);
            } else {
                freeValues(values);
            }
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(OpenApiConventions::freeValues);
        }
        freeValues(schema.getItems());
    }

    /** A property the server may write as null is nullable; primitives and @NotNull fields are not. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private void markNullable(Map<String, Schema> schemas) {
        schemas.forEach((name, schema) -> {
            Class<?> cls = schemaClasses.get(name);
            if (cls == null || schema.getProperties() == null) {
                return;
            }
            Map<String, Class<?>> propertyTypes = propertyTypes(cls);
            Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
            properties.forEach((property, propertySchema) -> {
                Class<?> type = propertyTypes.get(property);
                if (type == null || type.isPrimitive() || notNull(cls, property)) {
                    return;
                }
                if (schema.getRequired() != null && schema.getRequired().contains(property)) {
                    return;
                }
                if (propertySchema.get$ref() != null) {
                    // OpenAPI 3.0 cannot say "this $ref or null" in a way validators and generators agree on
                    // (nullable beside allOf still applies the referenced schema to null): the referenced
                    // schema itself admits null instead
                    String target = propertySchema.get$ref().substring(propertySchema.get$ref().lastIndexOf('/') + 1);
                    Schema referenced = schemas.get(target);
                    if (referenced != null) {
                        if (referenced.getType() == null) {
                            referenced.setType("object");
                        }
                        referenced.setNullable(true);
                    }
                } else {
                    propertySchema.setNullable(true);
                }
            });
        });
    }

    private static Map<String, Class<?>> propertyTypes(Class<?> cls) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        if (cls.isRecord()) {
            for (RecordComponent component : cls.getRecordComponents()) {
                JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                Field field = null;
                try {
                    field = cls.getDeclaredField(component.getName());
                } catch (NoSuchFieldException ignored) {
                    // records always have one
                }
                if (renamed == null && field != null) {
                    renamed = field.getAnnotation(JsonProperty.class);
                }
                String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
                types.put(name, component.getType());
            }
        } else {
            for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        types.putIfAbsent(field.getName(), field.getType());
                    }
                }
            }
        }
        return types;
    }

    private static boolean notNull(Class<?> cls, String property) {
        try {
            Field field = cls.getDeclaredField(property);
            for (var annotation : field.getAnnotations()) {
                String n = annotation.annotationType().getSimpleName();
                if (n.equals("NotNull") || n.equals("NotBlank") || n.equals("NotEmpty")) {
                    return true;
                }
            }
            if (cls.isRecord()) {
                for (RecordComponent component : cls.getRecordComponents()) {
                    if (component.getName().equals(property)) {
                        for (var annotation : component.getAnnotations()) {
                            String n = annotation.annotationType().getSimpleName();
                            if (n.equals("NotNull") || n.equals("NotBlank") || n.equals("NotEmpty")) {
                                return true;
                            }
                        }
                    }
                }
            }
        } catch (NoSuchFieldException e) {
            return false;
        }
        return false;
    }
}
