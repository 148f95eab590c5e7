#include "kiosk/core/staff/settings_editor.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace kiosk::core;

namespace {

ConfigTexts files(std::optional<std::string> fleet, std::optional<std::string> local) {
    ConfigTexts t;
    t.fleetName = "/etc/kiosk/kiosk.toml";
    t.fleetText = std::move(fleet);
    t.localName = "/var/lib/kiosk/local.toml";
    t.localText = std::move(local);
    return t;
}

std::string valueIn(const LoadedSettings& s, std::string_view key) {
    for (const ConfigEntry& e : listConfig(s)) {
        if (e.key == key) return e.value;
    }
    return {};
}

}  // namespace

TEST(SettingsEditorTest, EveryKeyIsInExactlyOneGroup) {
    std::multiset<std::string> seen;
    for (const SettingGroup& g : settingGroups()) {
        EXPECT_FALSE(g.keys.empty()) << g.id;
        seen.insert(g.keys.begin(), g.keys.end());
    }
    for (const std::string& key : knownConfigKeys()) EXPECT_EQ(seen.count(key), 1u) << key;
    EXPECT_EQ(seen.size(), knownConfigKeys().size());
}

TEST(SettingsEditorTest, EditorTextAndTomlValueRoundTrip) {
    const auto name = *configKeyInfo("office.name");
    EXPECT_EQ(editorText(name, "\"Bộ phận \\\"Một cửa\\\"\""), "Bộ phận \"Một cửa\"");
    for (const std::string text : {"Bộ phận \"Một cửa\"", "it's", "a\\b", ""}) {
        EXPECT_EQ(editorText(name, *tomlValueFor(name, text)), text);
    }
    const auto idle = *configKeyInfo("ui.idle_timeout_s");
    EXPECT_EQ(*tomlValueFor(idle, " 90 "), "90");
    EXPECT_FALSE(tomlValueFor(idle, "9O"));
    EXPECT_FALSE(tomlValueFor(idle, ""));
    const auto hosts = *configKeyInfo("receipt.trusted_hosts");
    EXPECT_EQ(editorText(hosts, "[ 'a.gov.vn', 'b.gov.vn' ]"), "a.gov.vn, b.gov.vn");
    EXPECT_EQ(*tomlValueFor(hosts, "a.gov.vn, ,b.gov.vn"), "[ 'a.gov.vn', 'b.gov.vn' ]");
    EXPECT_FALSE(tomlValueFor(*configKeyInfo("ui.fullscreen"), "yes"));
}

TEST(SettingsEditorTest, SaveKeepsOtherLocalKeysAndIsCheckedLikeCheckConfig) {
    const ConfigTexts t = files("[ui]\nidle_timeout_s = 60\n[printer]\nuri = \"tcp://fleet-printer:9100\"\n",
                                "[office]\nname = \"Local office\"\n");
    const SavePlan plan = planLocalSave(t, {{"ui.idle_timeout_s", "90"}});
    ASSERT_TRUE(plan.ok());
    EXPECT_NE(plan.localText.find("idle_timeout_s = 90"), std::string::npos) << plan.localText;
    EXPECT_NE(plan.localText.find("Local office"), std::string::npos);    // kept
    EXPECT_EQ(plan.localText.find("fleet-printer"), std::string::npos);  // fleet keys stay in the fleet file
    EXPECT_EQ(plan.result.settings.ui.idleTimeoutS, 90);
    EXPECT_EQ(plan.result.sources.at("ui.idle_timeout_s").layer, ConfigLayer::Local);
    ASSERT_EQ(plan.changes.size(), 1u);
    EXPECT_EQ(plan.changes[0].from, "60");
    EXPECT_EQ(plan.changes[0].to, "90");
    EXPECT_EQ(plan.changes[0].fromLayer, ConfigLayer::Fleet);
    EXPECT_FALSE(plan.changes[0].needsRestart);

    // The same message as `kiosk check-config` gives for the same line.
    const SavePlan bad = planLocalSave(t, {{"ui.idle_timeout_s", "5"}, {"printer.uri", "lpt1"}});
    EXPECT_FALSE(bad.ok());
    EXPECT_EQ(bad.problems.at("ui.idle_timeout_s"), "out of range: 5 is not in 10..3600");
    LoadedSettings direct = defaultSettings();
    const auto issues = applyConfigText(direct, "[printer]\nuri = \"lpt1\"\n", "x", ConfigLayer::Local);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(bad.problems.at("printer.uri"), issues[0].message);
    EXPECT_TRUE(bad.localText.empty());

    // Between keys: the warning must stay shorter than the idle time.
    const SavePlan cross = planLocalSave(t, {{"ui.idle_warning_s", "70"}});
    EXPECT_EQ(cross.problems.at("ui.idle_warning_s"), "idle_warning_s must be shorter than idle_timeout_s");
    EXPECT_TRUE(planLocalSave(t, {{"operations.data_dir", "/x"}}).problems.contains("operations.data_dir"));
    EXPECT_TRUE(planLocalSave(t, {{"ui.nope", "1"}}).problems.contains("ui.nope"));
}

TEST(SettingsEditorTest, ResetReturnsToTheFleetValue) {
    const ConfigTexts t = files("[printer]\nuri = \"tcp://fleet-printer:9100\"\n",
                                "[printer]\nuri = \"file:/tmp/slips\"\n[ui]\nfullscreen = false\n");
    EXPECT_EQ(mergeConfigTexts(t).settings.printer.uri, "file:/tmp/slips");
    const SavePlan plan = planLocalSave(t, {{"printer.uri", std::nullopt}, {"ui.fullscreen", "true"}});
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan.localText.find("uri"), std::string::npos) << plan.localText;
    EXPECT_EQ(plan.result.settings.printer.uri, "tcp://fleet-printer:9100");
    EXPECT_EQ(plan.result.sources.at("printer.uri").layer, ConfigLayer::Fleet);
    ASSERT_EQ(plan.changes.size(), 2u);
    EXPECT_EQ(plan.changes[0].key, "ui.fullscreen");  // documentation order
    EXPECT_TRUE(plan.changes[0].needsRestart);
    EXPECT_EQ(plan.changes[1].key, "printer.uri");
    EXPECT_EQ(plan.changes[1].toLayer, ConfigLayer::Fleet);
    // The saved file loads back to the same settings.
    ConfigTexts after = t;
    after.localText = plan.localText;
    EXPECT_EQ(valueIn(mergeConfigTexts(after), "printer.uri"), valueIn(plan.result, "printer.uri"));
}

TEST(SettingsEditorTest, CommandLineStillWinsAfterASave) {
    ConfigTexts t = files(std::nullopt, std::nullopt);
    t.commandLine.emplace_back("backend.url", "http://127.0.0.1:9", "--backend");
    const SavePlan plan = planLocalSave(t, {{"backend.url", "https://kiosk-api.example.gov.vn"}});
    ASSERT_TRUE(plan.ok());
    EXPECT_NE(plan.localText.find("kiosk-api.example.gov.vn"), std::string::npos);
    EXPECT_EQ(plan.result.settings.backend.url, "http://127.0.0.1:9");
    EXPECT_TRUE(plan.changes.empty());  // what the kiosk runs with did not change this run
}

TEST(SettingsEditorTest, MergeAddsADocumentsKeys) {
    const ConfigTexts t = files("[backend]\nretries = 3\n", "[ui]\nidle_timeout_s = 45\n");
    const SavePlan plan = planLocalMerge(t, "[backend]\nurl = \"https://h:1\"\ntoken_file = \"/x/t\"\n", "provisioning");
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan.result.settings.backend.url, "https://h:1");
    EXPECT_EQ(plan.result.settings.ui.idleTimeoutS, 45);
    EXPECT_EQ(plan.result.settings.backend.retries, 3);
    EXPECT_EQ(plan.changes.size(), 2u);
    EXPECT_FALSE(planLocalMerge(t, "[backend]\nurl = 1\n", "provisioning").ok());
}
