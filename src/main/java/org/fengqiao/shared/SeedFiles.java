package org.fengqiao.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads the YAML files under {@code seeds/} (location {@code fengqiao.seeds.location}) and tells
 * whether demo data is wanted ({@code fengqiao.seeds.demo}, false under the prod profile).
 */
@Component
public class SeedFiles {

    private final ResourceLoader resources;
    private final String location;
    private final boolean demo;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    SeedFiles(ResourceLoader resources, @Value("${fengqiao.seeds.location:classpath:seeds/}") String location,
              @Value("${fengqiao.seeds.demo:true}") boolean demo) {
        this.resources = resources;
        this.location = location;
        this.demo = demo;
    }

    public boolean demo() {
        return demo;
    }

    /** Reads {@code seeds/<name>} into {@code type}; unknown fields are an error, not silently dropped. */
    public <T> T read(String name, Class<T> type) {
        try (InputStream in = resources.getResource(location + name).getInputStream()) {
            return yaml.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + name, e);
        }
    }

    /** Converts a loosely typed seed value (a map read from YAML) into a typed record. */
    public <T> T convert(Object value, Class<T> type) {
        return yaml.convertValue(value, type);
    }
}
