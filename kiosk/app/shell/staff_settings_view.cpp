// The staff settings page: groups, keys with their values and sources, the editor and the save plan.
#include <algorithm>

#include "kiosk/app/shell/staff_screen_parts.hpp"
#include "kiosk/app/shell/staff_screens.hpp"

namespace kiosk::app {
namespace {

using staff_detail::frameFor;
using staff_detail::taskState;
using ui::Health;
using ui::StaffLine;

const core::ConfigEntry* entryFor(const StaffData& data, std::string_view key) {
    for (const core::ConfigEntry& e : data.entries) {
        if (e.key == key) return &e;
    }
    return nullptr;
}

std::string valueText(const core::LoadedSettings& loaded, const std::string& key) {
    for (const core::ConfigEntry& e : core::listConfig(loaded)) {
        if (e.key == key) {
            const auto info = core::configKeyInfo(key);
            return info ? core::editorText(*info, e.value) : e.value;
        }
    }
    return {};
}

/// A value as staff read it: switches as on/off, the rest as the editor shows it.
std::string shownValue(const ui::Strings& t, const core::ConfigKeyInfo& info, const std::string& text) {
    if (info.type == core::ConfigValueType::Boolean && (text == "true" || text == "false")) {
        return t.get(text == "true" ? "staff.editor.on" : "staff.editor.off");
    }
    return text;
}

std::string keyLabel(const ui::Strings& t, const std::string& key) {
    const std::string k = "staff.key." + key;
    return t.has(k) ? t.get(k) : key;
}

std::string sourceText(const ui::Strings& t, const core::KeySource& source) {
    std::string text = t.get("staff.settings.source." + std::string(core::toString(source.layer)));
    if (source.layer == core::ConfigLayer::Fleet || source.layer == core::ConfigLayer::Local) {
        text += " (" + source.file + (source.line > 0 ? ":" + std::to_string(source.line) : std::string()) + ")";
    }
    return text;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] settings
//-----------------------------------------------------------------------------

const core::SavePlan* StaffScreens::planFor(const StaffInputs& in, const core::SettingsDraft& draft) {
    if (!in.data) return nullptr;
    if (!m_plan || m_planData != in.data || m_planDraft != draft) {
        m_plan = core::planLocalSave(in.data->texts, draft);
        m_planData = in.data;
        m_planDraft = draft;
    }
    return &*m_plan;
}

std::string StaffScreens::editorText(const StaffInputs& in, const std::string& key) const {
    if (const auto it = in.flow.staff.draft.find(key); it != in.flow.staff.draft.end() && it->second) return *it->second;
    if (!in.data) return {};
    const auto info = core::configKeyInfo(key);
    const core::ConfigEntry* e = entryFor(*in.data, key);
    return info && e ? core::editorText(*info, e->value) : std::string();
}

ui::SettingsView StaffScreens::settingsView(const StaffInputs& in) {
    const ui::Strings& t = in.strings;
    const core::StaffState& st = in.flow.staff;
    ui::SettingsView v;
    v.frame = frameFor(in);
    v.resetLabel = t.get("staff.settings.reset");
    v.discardLabel = t.get("staff.settings.discard");
    if (!in.data) {
        v.loadingText = t.get("staff.settings.loading");
        return v;
    }
    const std::vector<core::SettingGroup> groups = core::settingGroups();
    for (const auto& g : groups) v.groups.emplace_back(g.id, t.get("staff.settings.group." + g.id));
    v.group = st.group.empty() ? groups.front().id : st.group;
    const core::SavePlan* plan = planFor(in, st.draft);
    for (const auto& g : groups) {
        if (g.id != v.group) continue;
        for (const std::string& key : g.keys) {
            const auto info = core::configKeyInfo(key);
            const core::ConfigEntry* e = entryFor(*in.data, key);
            if (!info || !e) continue;
            ui::SettingRow row;
            row.key = key;
            row.label = keyLabel(t, key);
            row.editable = core::localOverrideAllowed(key) && !info->secret;
            const auto pending = st.draft.find(key);
            row.pending = pending != st.draft.end();
            row.source = sourceText(t, e->source);
            row.value = info->secret ? e->value : shownValue(t, *info, core::editorText(*info, e->value));
            if (row.pending) {
                if (pending->second) {
                    row.value = shownValue(t, *info, *pending->second);
                    row.source = t.get("staff.settings.pending");
                } else {
                    // Back to the fleet value: what the key would be without the local file.
                    row.value = plan && plan->ok() ? shownValue(t, *info, valueText(plan->result, key)) : std::string("…");
                    row.source = t.get("staff.settings.pending_reset");
                }
                if (plan) {
                    if (const auto p = plan->problems.find(key); p != plan->problems.end()) row.problem = p->second;
                }
            }
            if (!core::appliesWithoutRestart(key)) row.source += " · " + t.get("staff.settings.restart_note");
            row.restart = !core::appliesWithoutRestart(key);
            row.canReset = row.editable && ((row.pending && pending->second) ||
                                            (!row.pending && e->source.layer == core::ConfigLayer::Local));
            v.rows.push_back(std::move(row));
        }
    }
    if (st.restartNeeded) v.restartLabel = t.get("staff.power.restart");
    if (st.dialog == core::StaffDialog::Restart) {
        v.question = t.get("staff.power.ask_restart");
        v.yesLabel = t.get("staff.power.yes");
        v.noLabel = t.get("staff.power.no");
    }
    const int count = static_cast<int>(st.draft.size());
    v.saveLabel = count > 0 ? t.format("staff.settings.save_n", {{"count", std::to_string(count)}}) : t.get("staff.settings.save");
    v.canSave = count > 0 && plan && plan->ok() && st.save != core::StaffTask::Running;
    switch (st.save) {
        case core::StaffTask::Running: v.status = t.get("staff.settings.saving"); break;
        case core::StaffTask::Done:
            v.status = t.get(st.restartNeeded ? "staff.settings.saved_restart" : "staff.settings.saved");
            v.statusHealth = st.restartNeeded ? Health::Warning : Health::Good;
            break;
        case core::StaffTask::Failed:
            v.status = t.format("staff.settings.refused", {{"problem", st.saveDetail}});
            v.statusHealth = Health::Bad;
            break;
        case core::StaffTask::Idle:
            if (plan && !plan->ok()) {
                v.status = !plan->problems.empty() ? plan->problems.begin()->first + ": " + plan->problems.begin()->second
                                                   : plan->otherProblems.front();
                v.statusHealth = Health::Bad;
            } else if (count > 0) {
                v.status = t.format("staff.settings.pending_n", {{"count", std::to_string(count)}});
            }
            break;
    }
    if (!st.editingKey.empty()) {
        const auto info = core::configKeyInfo(st.editingKey);
        if (info) {
            ui::SettingEditor ed;
            ed.key = st.editingKey;
            ed.label = keyLabel(t, st.editingKey);
            ed.text = st.editText;
            ed.shift = m_shift;
            ed.keepLabel = t.get("staff.editor.keep");
            ed.cancelLabel = t.get("staff.editor.cancel");
            ed.clearLabel = t.get("staff.pad.clear");
            ed.deleteLabel = t.get("staff.pad.delete");
            ed.spaceLabel = t.get("staff.editor.space");
            ed.shiftLabel = t.get("staff.editor.shift");
            switch (info->type) {
                case core::ConfigValueType::Text: ed.kind = ui::EditorKind::Text; ed.help = t.get("staff.editor.help_text"); break;
                case core::ConfigValueType::TextList: ed.kind = ui::EditorKind::List; ed.help = t.get("staff.editor.help_list"); break;
                case core::ConfigValueType::Boolean:
                    ed.kind = ui::EditorKind::Toggle;
                    ed.choices = {{"true", t.get("staff.editor.on")}, {"false", t.get("staff.editor.off")}};
                    ed.help = t.get("staff.editor.help_choice");
                    break;
                case core::ConfigValueType::Choice:
                    ed.kind = ui::EditorKind::Choice;
                    for (const std::string& c : info->choices) ed.choices.emplace_back(c, c);
                    ed.help = t.get("staff.editor.help_choice");
                    break;
                case core::ConfigValueType::Integer:
                    if (!info->intChoices.empty()) {
                        ed.kind = ui::EditorKind::Choice;
                        for (const auto c : info->intChoices) ed.choices.emplace_back(std::to_string(c), std::to_string(c));
                        ed.help = t.get("staff.editor.help_choice");
                    } else {
                        ed.kind = ui::EditorKind::Number;
                        ed.min = info->min;
                        ed.max = info->max;
                        const long long span = info->max - info->min;
                        ed.step = span <= 120 ? 1 : span <= 1200 ? 10 : span <= 12000 ? 100 : 1000;
                        ed.help = span > 0 ? t.format("staff.editor.help_range", {{"min", std::to_string(info->min)}, {"max", std::to_string(info->max)}})
                                           : t.get("staff.editor.help_number");
                    }
                    break;
            }
            // The value as it would be saved, checked by the loader with check-config's message.
            core::SettingsDraft one{{st.editingKey, st.editText}};
            const core::SavePlan check = core::planLocalSave(in.data->texts, one);
            if (const auto p = check.problems.find(st.editingKey); p != check.problems.end()) ed.problem = p->second;
            v.editor = std::move(ed);
        }
    }
    return v;
}

}  // namespace kiosk::app
