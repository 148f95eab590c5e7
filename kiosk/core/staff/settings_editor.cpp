#include "kiosk/core/staff/settings_editor.hpp"

#include <algorithm>
#include <sstream>

#include <toml++/toml.h>

namespace kiosk::core {
namespace {

constexpr std::string_view kEditSource = "(staff edit)";

std::string_view sectionOf(std::string_view key) { return key.substr(0, key.find('.')); }

/// Which group a section's keys fall into when the list below does not name them.
std::string groupOfSection(std::string_view section) {
    if (section == "office") return "office";
    if (section == "language" || section == "ui") return "screen";
    if (section == "backend") return "backend";
    if (section == "printer") return "printer";
    if (section == "camera" || section == "scanner") return "camera";
    if (section == "receipt") return "receipt";
    if (section == "staff" || section == "provisioning") return "staff";
    if (section == "operations" || section == "paths") return "system";
    return "other";
}

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return std::string{s.substr(first, s.find_last_not_of(" \t") - first + 1)};
}

template <class T>
std::string renderToml(const T& value) {
    std::ostringstream os;
    os << value;
    return os.str();
}

std::string valueOf(const LoadedSettings& loaded, std::string_view key) {
    for (const ConfigEntry& e : listConfig(loaded)) {
        if (e.key == key) return e.value;
    }
    return {};
}

/// Renders the new local file, checks the whole configuration with it and lists what changed.
/// @param touched the keys the edit set or reset: their problems are theirs, the rest are "other"
void finishPlan(SavePlan& plan, const ConfigTexts& texts, const LoadedSettings& local,
                const std::vector<std::string>& localKeys, const std::vector<std::string>& touched) {
    auto rendered = renderOverrides(local.settings, localKeys);
    if (!rendered) {
        plan.otherProblems.push_back(rendered.error().message);
        return;
    }
    ConfigTexts after = texts;
    after.localText = *rendered;
    plan.result = mergeConfigTexts(after);
    const auto isTouched = [&](const std::string& key) { return std::ranges::find(touched, key) != touched.end(); };
    for (const ConfigIssue& issue : crossCheck(plan.result)) {
        if (isTouched(issue.key)) {
            plan.problems.emplace(issue.key, issue.message);
        } else {
            plan.otherProblems.push_back(formatIssue(issue));
        }
    }
    if (!plan.ok()) return;
    plan.localText = std::move(*rendered);
    const LoadedSettings before = mergeConfigTexts(texts);
    for (const std::string& key : knownConfigKeys()) {
        if (!isTouched(key)) continue;
        const std::string from = valueOf(before, key);
        const std::string to = valueOf(plan.result, key);
        const ConfigLayer fromLayer = before.sources.at(key).layer;
        const ConfigLayer toLayer = plan.result.sources.at(key).layer;
        if (from == to && fromLayer == toLayer) continue;
        plan.changes.push_back({key, from, to, fromLayer, toLayer, !appliesWithoutRestart(key)});
    }
}

}  // namespace

std::vector<SettingGroup> settingGroups() {
    // The order staff look for things: who we are, what the citizen sees, the network, the devices.
    std::vector<SettingGroup> groups = {
        {"office", {"office.name", "office.address", "office.help_line", "operations.kiosk_id", "office.public_lookup_url"}},
        {"screen", {"language.default", "ui.idle_timeout_s", "ui.idle_warning_s", "ui.large_text", "ui.high_contrast",
                    "ui.show_english_switch", "ui.touch_target_px", "ui.fullscreen", "ui.hide_cursor"}},
        {"backend", {"backend.url", "backend.token_file", "backend.connect_timeout_ms", "backend.total_timeout_ms",
                     "backend.retries", "backend.retry_backoff_ms"}},
        {"printer", {"printer.uri", "printer.width_dots", "printer.cut", "printer.timeout_ms", "printer.print_applicant_name"}},
        {"camera", {"camera.source", "camera.device", "camera.width", "camera.height", "camera.fps", "camera.preview"}},
        {"receipt", {}},
        {"staff", {"staff.idle_timeout_s", "staff.max_attempts", "staff.lockout_s"}},
        {"system", {}},
        {"other", {}},
    };
    auto listed = [&](const std::string& key) {
        return std::ranges::any_of(groups, [&](const SettingGroup& g) { return std::ranges::find(g.keys, key) != g.keys.end(); });
    };
    for (const std::string& key : knownConfigKeys()) {
        if (listed(key)) continue;
        const std::string group = groupOfSection(sectionOf(key));
        std::ranges::find(groups, group, &SettingGroup::id)->keys.push_back(key);
    }
    std::erase_if(groups, [](const SettingGroup& g) { return g.keys.empty(); });
    return groups;
}

bool localOverrideAllowed(std::string_view key) { return key != "operations.data_dir"; }

bool appliesWithoutRestart(std::string_view key) {
    // The window, its fonts and touch size are made once; folders and logging are set up at start.
    static constexpr std::string_view kRestart[] = {"ui.fullscreen", "ui.hide_cursor", "ui.touch_target_px",
                                                    "paths.assets_dir"};
    if (std::ranges::find(kRestart, key) != std::end(kRestart)) return false;
    const std::string_view section = sectionOf(key);
    if (section == "operations") return key == "operations.kiosk_id";
    static constexpr std::string_view kLive[] = {"office", "language", "receipt", "backend", "ui", "printer",
                                                 "camera", "scanner", "staff", "provisioning"};
    return std::ranges::find(kLive, section) != std::end(kLive);
}

std::string editorText(const ConfigKeyInfo& info, std::string_view tomlValue) {
    if (info.type == ConfigValueType::Integer || info.type == ConfigValueType::Boolean) return std::string{tomlValue};
    try {
        const toml::table t = toml::parse("v = " + std::string{tomlValue});
        if (const auto* s = t["v"].as_string()) return s->get();
        if (const auto* a = t["v"].as_array()) {
            std::string joined;
            for (const toml::node& n : *a) {
                if (!joined.empty()) joined += ", ";
                joined += n.value_or(std::string{});
            }
            return joined;
        }
    } catch (const toml::parse_error&) {
        return std::string{tomlValue};  // not a TOML value: shown as it is
    }
    return std::string{tomlValue};
}

std::expected<std::string, std::string> tomlValueFor(const ConfigKeyInfo& info, std::string_view text) {
    switch (info.type) {
        case ConfigValueType::Integer: {
            std::string t = trim(text);
            const bool digits = !t.empty() && std::ranges::all_of(t.substr(t[0] == '-' ? 1 : 0), [](char c) {
                return c >= '0' && c <= '9';
            }) && t != "-";
            if (!digits || t.size() > 18) return std::unexpected("not a whole number");
            return t;
        }
        case ConfigValueType::Boolean:
            if (text == "true" || text == "false") return std::string{text};
            return std::unexpected("expected true or false");
        case ConfigValueType::Text:
        case ConfigValueType::Choice:
            return renderToml(toml::value<std::string>{std::string{text}});
        case ConfigValueType::TextList: {
            toml::array array;
            std::string_view rest = text;
            while (!rest.empty()) {
                const auto comma = rest.find(',');
                const std::string item = trim(rest.substr(0, comma));
                if (!item.empty()) array.push_back(item);
                rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
            }
            return renderToml(array);
        }
    }
    return std::unexpected("unknown type");
}

LoadedSettings mergeConfigTexts(const ConfigTexts& texts) {
    LoadedSettings merged = defaultSettings();
    if (texts.fleetText) applyConfigText(merged, *texts.fleetText, texts.fleetName, ConfigLayer::Fleet);
    if (texts.localText) applyConfigText(merged, *texts.localText, texts.localName, ConfigLayer::Local);
    for (const auto& [key, value, option] : texts.commandLine) applyOverride(merged, key, value, option);
    return merged;
}

SavePlan planLocalSave(const ConfigTexts& texts, const SettingsDraft& draft) {
    SavePlan plan;
    // 1. The local file on its own: which keys it sets now.
    LoadedSettings local = defaultSettings();
    if (texts.localText) applyConfigText(local, *texts.localText, texts.localName, ConfigLayer::Local);
    std::vector<std::string> localKeys;
    for (const auto& [key, source] : local.sources) {
        if (source.layer == ConfigLayer::Local) localKeys.push_back(key);
    }
    // 2. Each edit, checked by the loader as if it were a line of the local file.
    for (const auto& [key, text] : draft) {
        const auto info = configKeyInfo(key);
        if (!info) {
            plan.problems[key] = "unknown key";
            continue;
        }
        if (!localOverrideAllowed(key)) {
            plan.problems[key] = "can only be set in the fleet file";
            continue;
        }
        if (!text) {
            std::erase(localKeys, key);
            continue;
        }
        auto value = tomlValueFor(*info, *text);
        if (!value) {
            plan.problems[key] = value.error();
            continue;
        }
        const std::string_view section = sectionOf(key);
        const std::string line = "[" + std::string{section} + "]\n" + std::string{key.substr(section.size() + 1)} +
                                 " = " + *value + "\n";
        auto issues = applyConfigText(local, line, kEditSource, ConfigLayer::Local);
        if (!issues.empty()) {
            plan.problems[key] = issues.front().message;
            continue;
        }
        if (std::ranges::find(localKeys, key) == localKeys.end()) localKeys.push_back(key);
    }
    if (!plan.problems.empty()) return plan;
    std::vector<std::string> touched;
    for (const auto& entry : draft) touched.push_back(entry.first);
    finishPlan(plan, texts, local, localKeys, touched);
    return plan;
}

SavePlan planLocalMerge(const ConfigTexts& texts, std::string_view extraToml, std::string_view extraName) {
    SavePlan plan;
    LoadedSettings local = defaultSettings();
    if (texts.localText) applyConfigText(local, *texts.localText, texts.localName, ConfigLayer::Local);
    std::vector<std::string> localKeys;
    for (const auto& [key, source] : local.sources) {
        if (source.layer == ConfigLayer::Local) localKeys.push_back(key);
    }
    for (const ConfigIssue& issue : applyConfigText(local, extraToml, extraName, ConfigLayer::Local)) {
        plan.otherProblems.push_back(formatIssue(issue));
    }
    if (!plan.ok()) return plan;
    std::vector<std::string> touched;
    for (const auto& [key, source] : local.sources) {
        if (source.layer == ConfigLayer::Local && source.file == extraName) touched.push_back(key);
    }
    for (const std::string& key : touched) {
        if (std::ranges::find(localKeys, key) == localKeys.end()) localKeys.push_back(key);
    }
    finishPlan(plan, texts, local, localKeys, touched);
    return plan;
}

}  // namespace kiosk::core
