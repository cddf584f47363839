package org.fengqiao.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The contract's text, money and time limits as the shared field checks apply them. */
class ValidationRulesTest {

    private static List<String> fields(Validation v) {
        try {
            v.throwIfInvalid();
            return List.of();
        } catch (ValidationException e) {
            return e.errors().stream().map(ValidationException.FieldError::field).toList();
        }
    }

    @Test
    void requiredMeansPresentNotBlankNotEmpty() {
        assertThat(fields(new Validation().require(null, "a").require(" ", "b").require(List.of(), "c")
                .require("x", "d").require(List.of(1), "e").require(0, "f"))).containsExactly("a", "b", "c");
        Validation ok = new Validation().require("x", "d");
        assertThat(ok.hasErrors()).isFalse();
        ok.throwIfInvalid();
        assertThat(new Validation().require("", "g").hasErrors()).isTrue();
    }

    @Test
    void textLimitsCountCharactersNotUtf16Units() {
        assertThat(Validation.TITLE_MAX).isEqualTo(200);
        assertThat(Validation.NAME_MAX).isEqualTo(100);
        assertThat(Validation.TEXT_MAX).isEqualTo(10_000);
        String emoji = "\uD83D\uDE00";
        assertThat(fields(new Validation().title(emoji.repeat(200), "title"))).as("200 characters, 400 units").isEmpty();
        assertThat(fields(new Validation().title("案".repeat(201), "title"))).containsExactly("title");
        assertThat(fields(new Validation().name("名".repeat(100), "name"))).isEmpty();
        assertThat(fields(new Validation().name("名".repeat(101), "name"))).containsExactly("name");
        assertThat(fields(new Validation().text("文".repeat(10_000), "facts"))).isEmpty();
        assertThat(fields(new Validation().text("文".repeat(10_001), "facts"))).containsExactly("facts");
        assertThat(fields(new Validation().text(null, "facts"))).isEmpty();
    }

    @Test
    void phonesAreMainlandMobileOrLandlineNumbers() {
        for (String ok : List.of("13800001111", "+8613800001111", "+86 138 0000 1111", "138-0000-1111", "19912345678",
                "0633-8000000", "010-62345678", "0633 8000000", "06338000000", "8000000", "62345678", "0633-8000000-123",
                "0633-8000000转8", " 13800001111 ")) {
            assertThat(fields(new Validation().phone(ok, "phone"))).as(ok).isEmpty();
        }
        for (String bad : List.of("12345", "12800001111", "1380000111", "138000011112", "abc", "0633-1234567",
                "010-0234567", "电话 13800001111", "13800001111 转", "+1 2025550123", "0633--8000000")) {
            assertThat(fields(new Validation().phone(bad, "phone"))).as(bad).containsExactly("phone");
        }
        assertThat(fields(new Validation().phone(null, "phone").phone(" ", "phone2"))).as("optional").isEmpty();
        assertThat(java.util.regex.Pattern.compile(Validation.PHONE_PATTERN).matcher("0633-8000000").matches()).isTrue();
    }

    @Test
    void nulAndBrokenSurrogatesAreNotStorable() {
        assertThat(Validation.isStorableText("调解\uD83D\uDE00")).isTrue();
        assertThat(Validation.isStorableText("")).isTrue();
        assertThat(Validation.isStorableText("a\u0000b")).isFalse();
        assertThat(Validation.isStorableText("a\uD83D")).as("high surrogate at the end").isFalse();
        assertThat(Validation.isStorableText("\uD83Da")).as("high surrogate without its pair").isFalse();
        assertThat(Validation.isStorableText("a\uDE00")).as("lone low surrogate").isFalse();
        Validation v = new Validation().title("a\u0000", "title");
        assertThatThrownBy(v::throwIfInvalid).isInstanceOf(ValidationException.class).hasMessageContaining("NUL");
    }

    @Test
    void moneyIsNonNegativeWithTwoDecimalsBelowOneTrillion() {
        assertThat(fields(new Validation().money(new BigDecimal("0"), "m"))).isEmpty();
        assertThat(fields(new Validation().money(new BigDecimal("12.50"), "m"))).isEmpty();
        assertThat(fields(new Validation().money(new BigDecimal("12.500"), "m"))).as("trailing zeros do not count").isEmpty();
        assertThat(fields(new Validation().money(new BigDecimal("12.345"), "m"))).containsExactly("m");
        assertThat(fields(new Validation().money(new BigDecimal("-0.01"), "m"))).containsExactly("m");
        assertThat(fields(new Validation().money(new BigDecimal("999999999999.99"), "m"))).isEmpty();
        assertThat(fields(new Validation().money(new BigDecimal("1000000000000"), "m"))).containsExactly("m");
        assertThat(fields(new Validation().money(null, "m"))).isEmpty();
    }

    @Test
    void notInTheFutureAllowsFiveMinutesOfClockSkew() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-04T10:00:00+08:00");
        assertThat(fields(new Validation().notInFuture(now.plusMinutes(5), now, "at"))).isEmpty();
        assertThat(fields(new Validation().notInFuture(now.plusMinutes(5).plusSeconds(1), now, "at"))).containsExactly("at");
        assertThat(fields(new Validation().notInFuture(now.minusDays(3), now, "at"))).isEmpty();
        assertThat(fields(new Validation().notInFuture(null, now, "at"))).isEmpty();
    }

    @Test
    void everyErrorIsReportedTogetherWithItsMessage() {
        ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class,
                () -> new Validation().check(false, "x", "不对").check(true, "y", "fine").require(null, "z").throwIfInvalid());
        assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly("x", "z");
        assertThat(e.errors().get(0).message()).isEqualTo("不对");
        assertThat(e.getMessage()).isEqualTo("x: 不对; z: 必填 (required)");
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.slug()).isEqualTo("validation-failed");
    }
}
