package org.fengqiao.shared.web;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Every {@code …At} goes out as ISO-8601 in the centre's offset ({@code fengqiao.zone}, +08:00),
 * whatever the database handed back (PostgreSQL returns UTC), e.g. {@code 2026-03-01T09:30:00+08:00}.
 */
@Configuration(proxyBeanMethods = false)
class JsonTimes {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer centreOffsetTimes(@Value("${fengqiao.zone:Asia/Shanghai}") String zone) {
        ZoneId zoneId = ZoneId.of(zone);
        return builder -> builder.serializerByType(OffsetDateTime.class, new StdSerializer<>(OffsetDateTime.class) {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.atZoneSameInstant(zoneId).toOffsetDateTime()
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
        });
    }
}
