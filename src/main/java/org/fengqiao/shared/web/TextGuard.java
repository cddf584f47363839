package org.fengqiao.shared.web;

import java.io.IOException;

import org.fengqiao.shared.Validation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Every JSON string the API reads must be storable text: NUL (which PostgreSQL rejects) and
 * unpaired surrogates make the body malformed (400) before any code sees them, wherever the
 * string goes (names, ids, free text).
 */
@Configuration(proxyBeanMethods = false)
class TextGuard {

    @Bean
    Module storableTextModule() {
        SimpleModule module = new SimpleModule("storable-text");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String value = super.deserialize(p, ctxt);
                if (value != null && !Validation.isStorableText(value)) {
                    return (String) ctxt.handleWeirdStringValue(String.class, value,
                            "contains NUL or an unpaired surrogate");
                }
                return value;
            }
        });
        return module;
    }
}
