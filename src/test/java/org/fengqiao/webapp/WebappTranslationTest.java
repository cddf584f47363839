package org.fengqiao.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the project's zh-CN translation of the Camunda webapps against the English file shipped in
 * camunda-webapp-webjar: same keys (and array lengths), every {{placeholder}}, HTML tag and entity of
 * the English value kept, and config.js offering "zh". Plain JUnit, no Spring context.
 *
 * <p>en.json exists only inside the webjar and zh.json only in our own resources, but config.js exists in
 * both, so resources are picked by URL: "jar:" for Camunda's copy, "file:" for ours (target/classes).
 */
class WebappTranslationTest {

    private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";

    /** {{ name }}, {{count}}, moment's %d / %s and angular-translate's bare {}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|\\{}|%[ds]");

    /** Real HTML tags and entities (not literal text such as "<null>" or "<Operation>"). */
    private static final Pattern MARKUP = Pattern.compile("</?(?:a|br|strong|b|em|i|code|span|p|ul|li)\\b[^>]*>|&[a-z]+;");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chineseLocaleHasEveryEnglishKeyAndKeepsPlaceholders(String app) throws IOException {
        String path = APP_ROOT + app + "/locales/";
        URL enUrl = single(path + "en.json", "jar:");
        URL zhUrl = single(path + "zh.json", "file:");

        byte[] zhBytes = read(zhUrl);
        assertThat(zhBytes.length).isGreaterThan(3);
        assertThat(new byte[] {zhBytes[0], zhBytes[1], zhBytes[2]})
                .as("%s zh.json must be UTF-8 without BOM", app)
                .isNotEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

        Map<String, JsonNode> en = flatten(json.readTree(stripBom(new String(read(enUrl), StandardCharsets.UTF_8))));
        Map<String, JsonNode> zh = flatten(json.readTree(new String(zhBytes, StandardCharsets.UTF_8)));

        assertThat(zh.keySet()).as("%s: keys of zh.json vs en.json", app).isEqualTo(en.keySet());

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : en.entrySet()) {
            JsonNode english = entry.getValue();
            JsonNode chinese = zh.get(entry.getKey());
            if (english.getNodeType() != chinese.getNodeType()) {
                problems.add(entry.getKey() + ": type " + english.getNodeType() + " became " + chinese.getNodeType());
                continue;
            }
            if (!english.isTextual()) {
                continue;
            }
            String enText = english.textValue();
            String zhText = chinese.textValue();
            // the English plural suffix "s" (PLGN_*_S) has no Chinese counterpart and is left empty
            if (!enText.isBlank() && zhText.isBlank() && !enText.equals("s")) {
                problems.add(entry.getKey() + ": empty translation of '" + enText + "'");
            }
            for (String token : tokens(PLACEHOLDER, enText)) {
                if (!zhText.contains(token)) {
                    problems.add(entry.getKey() + ": placeholder " + token + " missing in '" + zhText + "'");
                }
            }
            for (String token : tokens(MARKUP, enText)) {
                if (!zhText.contains(token)) {
                    problems.add(entry.getKey() + ": markup " + token + " missing in '" + zhText + "'");
                }
            }
        }
        assertThat(problems).as("%s zh.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configOffersChineseByDefault(String app) throws IOException {
        String config = new String(read(single(APP_ROOT + app + "/scripts/config.js", "file:")), StandardCharsets.UTF_8);
        assertThat(config)
                .contains("const FENGQIAO_LOCALES = ['zh', 'en', 'de'];")
                .contains("availableLocales: [fengqiaoLocale]")
                .contains("fallbackLocale: fengqiaoLocale")
                .contains("? chosen : 'zh'")
                .contains("export default {");
        // the rest of Camunda's own config.js is kept as shipped, but for the keyboard shortcuts' descriptions,
        // which the Tasklist's 键盘快捷键 dialog shows: those are Chinese
        String shipped = new String(read(single(APP_ROOT + app + "/scripts/config.js", "jar:")), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> d : SHORTCUT_DESCRIPTIONS.entrySet()) {
            shipped = shipped.replace("description: '" + d.getKey() + "'", "description: '" + d.getValue() + "'");
        }
        assertThat(config).contains(shipped.substring(shipped.indexOf("export default {") + "export default {".length()));
        assertThat(config).doesNotContain(SHORTCUT_DESCRIPTIONS.keySet().toArray(String[]::new));
    }

    private static final Map<String, String> SHORTCUT_DESCRIPTIONS = Map.of(
            "claims the currently selected task", "认领当前选中的任务",
            "set the focus to the first filter in the list", "跳到过滤器列表的第一项",
            "sets the focus to the first task in the list", "跳到任务列表的第一项",
            "sets the focus to the first input field in a task form", "跳到任务表单的第一个输入框",
            "opens the start process modal dialog", "打开“启动流程”对话框");

    private static URL single(String path, String protocolPrefix) throws IOException {
        List<URL> matches = new ArrayList<>();
        for (URL url : Collections.list(WebappTranslationTest.class.getClassLoader().getResources(path))) {
            if (url.toString().startsWith(protocolPrefix)) {
                matches.add(url);
            }
        }
        assertThat(matches).as("%s resources named %s", protocolPrefix, path).hasSize(1);
        return matches.get(0);
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static List<String> tokens(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** Leaves keyed by path: "labels.CLAIM_TASK", "dateLocales.months[3]". */
    private static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", root, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }
}
