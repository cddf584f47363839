package org.fengqiao.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fengqiao.support.LegalRule;
import org.junit.jupiter.api.Test;

/**
 * The legal-fidelity table, generated from the tests: every flow rule of the checklist
 * ({@code src/test/resources/legal-rules/checklist.md}, copied from the domain's legal-rules) must be
 * pinned by at least one test annotated {@link LegalRule}, every model element or class the
 * annotation names must exist, and {@code docs/legal-rules.md} must be what these annotations say.
 * <p>
 * To refresh the committed table after changing tests: {@code ./mvnw test -Dtest=LegalRulesTableTest -Dfengqiao.legal-rules.write=true}.
 */
class LegalRulesTableTest {

    private static final Path TABLE = Path.of("docs/legal-rules.md");
    private static final Pattern ROW = Pattern.compile("^\\| ([DC]\\d+) \\| (.+?) \\| (.+?) \\|$");

    record Rule(String id, String text, String source) {
    }

    record Pin(String test, List<String> model, List<String> gaps) {
    }

    @Test
    void everyRuleIsEncodedAndTestedAndTheTableSaysSo() throws Exception {
        List<Rule> rules = checklist();
        assertThat(rules).hasSize(41);
        Map<String, List<Pin>> pins = pins();

        List<String> problems = new ArrayList<>();
        for (String id : pins.keySet()) {
            if (rules.stream().noneMatch(r -> r.id().equals(id))) {
                problems.add("@LegalRule(\"" + id + "\") names no rule of the checklist");
            }
        }
        for (Rule rule : rules) {
            List<Pin> p = pins.getOrDefault(rule.id(), List.of());
            if (p.isEmpty()) {
                problems.add(rule.id() + " (" + rule.text() + ") has no test annotated @LegalRule");
            }
            for (Pin pin : p) {
                if (pin.model().isEmpty()) {
                    problems.add(rule.id() + " in " + pin.test() + " names no model element");
                }
                for (String ref : pin.model()) {
                    String missing = missing(ref);
                    if (missing != null) {
                        problems.add(rule.id() + " in " + pin.test() + ": " + missing);
                    }
                }
            }
        }
        assertThat(problems).as("legal rules without a test or with a dangling model reference").isEmpty();

        String expected = render(rules, pins);
        if (Boolean.getBoolean("fengqiao.legal-rules.write")) {
            Files.writeString(TABLE, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(TABLE) ? Files.readString(TABLE, StandardCharsets.UTF_8) : "";
        assertThat(actual).as("docs/legal-rules.md is out of date; refresh it with "
                + "./mvnw test -Dtest=LegalRulesTableTest -Dfengqiao.legal-rules.write=true").isEqualTo(expected);
    }

    static List<Rule> checklist() throws IOException {
        List<Rule> rules = new ArrayList<>();
        try (var in = LegalRulesTableTest.class.getResourceAsStream("/legal-rules/checklist.md")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher m = ROW.matcher(line.strip());
                if (m.matches()) {
                    rules.add(new Rule(m.group(1), m.group(2), m.group(3)));
                }
            }
        }
        return rules;
    }

    /** Every {@link LegalRule} on a test method of the compiled test classes, by rule id. */
    static Map<String, List<Pin>> pins() throws IOException {
        Map<String, List<Pin>> pins = new LinkedHashMap<>();
        Path root = Path.of("target/test-classes");
        List<String> classNames;
        try (Stream<Path> files = Files.walk(root.resolve("org/fengqiao"))) {
            classNames = files.map(p -> root.relativize(p).toString()).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).sorted().toList();
        }
        for (String name : classNames) {
            Class<?> type;
            try {
                type = Class.forName(name, false, LegalRulesTableTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            Method[] methods;
            try {
                methods = type.getDeclaredMethods();
            } catch (LinkageError e) {
                continue;
            }
            Arrays.sort(methods, (a, b) -> a.getName().compareTo(b.getName()));
            for (Method method : methods) {
                for (LegalRule rule : method.getAnnotationsByType(LegalRule.class)) {
                    pins.computeIfAbsent(rule.value(), k -> new ArrayList<>())
                            .add(new Pin(type.getSimpleName() + "#" + method.getName(), List.of(rule.model()),
                                    List.of(rule.gaps())));
                }
            }
        }
        return pins;
    }

    /** Why a model reference does not resolve, or null when it does. */
    static String missing(String ref) {
        int hash = ref.indexOf('#');
        String target = hash < 0 ? ref : ref.substring(0, hash);
        String member = hash < 0 ? null : ref.substring(hash + 1);
        if (target.startsWith("processes/")) {
            Path file = Path.of(target);
            if (!Files.isRegularFile(file)) {
                return "no file " + target;
            }
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (member != null && !text.contains("id=\"" + member + "\"") && !text.contains("\"id\": \"" + member + "\"")
                        && !text.contains("\"key\": \"" + member + "\"")) {
                    return "no element " + member + " in " + target;
                }
            } catch (IOException e) {
                return "unreadable " + target;
            }
            return null;
        }
        if (!target.startsWith("org.fengqiao.")) {
            return "'" + ref + "' is neither processes/<file>#<id> nor org.fengqiao.<Class>[#member]";
        }
        Class<?> type;
        try {
            type = Class.forName(target, false, LegalRulesTableTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return "no class " + target;
        }
        if (member == null) {
            return null;
        }
        boolean found = Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(member))
                || Arrays.stream(type.getDeclaredFields()).anyMatch(f -> f.getName().equals(member))
                || Arrays.stream(type.getDeclaredClasses()).anyMatch(c -> c.getSimpleName().equals(member))
                || (type.isRecord() && Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals(member)));
        return found ? null : "no member " + member + " in " + target;
    }

    static String render(List<Rule> rules, Map<String, List<Pin>> pins) {
        StringBuilder md = new StringBuilder();
        md.append("# Legal rules: where each is encoded and which test pins it\n\n");
        md.append("Generated by `LegalRulesTableTest` from the `@LegalRule` annotations of the tests; do not edit by hand.\n");
        md.append("Refresh: `./mvnw test -Dtest=LegalRulesTableTest -Dfengqiao.legal-rules.write=true`. The checklist is\n");
        md.append("`src/test/resources/legal-rules/checklist.md` (the domain's 41 flow rules). A legal-rule test asserts\n");
        md.append("the law's number and the computed date, so a configured limit drifting from the law fails it.\n\n");
        long covered = rules.stream().filter(r -> pins.containsKey(r.id())).count();
        long partial = rules.stream().filter(r -> pins.getOrDefault(r.id(), List.of()).stream().anyMatch(p -> !p.gaps().isEmpty())).count();
        md.append("**").append(covered).append(" of ").append(rules.size()).append(" rules encoded and tested")
                .append(partial == 0 ? "" : "; " + partial + " of them with a part not yet encoded (last column)").append(".**\n\n");
        md.append("| id | rule | source | encoded in | tested by | not yet encoded |\n|---|---|---|---|---|---|\n");
        for (Rule rule : rules) {
            List<Pin> p = pins.getOrDefault(rule.id(), List.of());
            TreeSet<String> model = new TreeSet<>();
            TreeSet<String> tests = new TreeSet<>();
            TreeSet<String> gaps = new TreeSet<>();
            p.forEach(pin -> {
                model.addAll(pin.model());
                tests.add(pin.test());
                gaps.addAll(pin.gaps());
            });
            md.append("| ").append(rule.id()).append(" | ").append(rule.text()).append(" | ").append(rule.source())
                    .append(" | ").append(model.isEmpty() ? "—" : String.join("<br>", model.stream().map(m -> "`" + m + "`").toList()))
                    .append(" | ").append(tests.isEmpty() ? "**none**" : String.join("<br>", tests.stream().map(t -> "`" + t + "`").toList()))
                    .append(" | ").append(gaps.isEmpty() ? "—" : String.join("<br>", gaps))
                    .append(" |\n");
        }
        return md.toString();
    }
}
