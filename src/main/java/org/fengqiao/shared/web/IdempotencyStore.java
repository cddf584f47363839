package org.fengqiao.shared.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers the first response to a POST per (user, Idempotency-Key). A pending row reserves the
 * key before the request is processed, so two concurrent duplicates cannot both run.
 */
@Component
class IdempotencyStore {

    record Stored(String requestHash, String state, Integer statusCode, String contentType, String location, String body) {
        boolean done() {
            return "DONE".equals(state);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Reserves the key; returns the existing record if the key was used before. */
    Optional<Stored> reserve(String user, String key, String requestHash) {
        try {
            jdbc.sql("insert into idempotency_record (user_id, idem_key, request_hash, state, created_at) values (?, ?, ?, 'PENDING', ?)")
                    .params(user, key, requestHash, OffsetDateTime.now(clock))
                    .update();
            return Optional.empty();
        } catch (DuplicateKeyException alreadyUsed) {
            return find(user, key);
        }
    }

    Optional<Stored> find(String user, String key) {
        return jdbc.sql("select request_hash, state, status_code, content_type, location, body from idempotency_record where user_id = ? and idem_key = ?")
                .params(user, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .optional();
    }

    void complete(String user, String key, int status, String contentType, String location, String body) {
        jdbc.sql("update idempotency_record set state = 'DONE', status_code = ?, content_type = ?, location = ?, body = ? where user_id = ? and idem_key = ?")
                .params(status, contentType, location, body, user, key)
                .update();
    }

    void release(String user, String key) {
        jdbc.sql("delete from idempotency_record where user_id = ? and idem_key = ? and state = 'PENDING'")
                .params(user, key)
                .update();
    }
}
