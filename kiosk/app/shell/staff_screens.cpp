// Staff views from the flow state, the health board and the staff worker's data. Index:
// [SECTION] helpers, [SECTION] PIN pad and frame, [SECTION] device, [SECTION] settings,
// [SECTION] audit, power, PIN, provisioning, setup, [SECTION] drawing and events.
//
// Nothing here shows a PIN, a hash, a token, an enrolment code or personal data: the PIN pad shows
// dots, a code read on the device page is the dossier code only, errors are kinds.
#include "kiosk/app/shell/staff_screens.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>

#include "kiosk/core/text/vietnamese_input.hpp"

namespace kiosk::app {

//-----------------------------------------------------------------------------
// [SECTION] helpers
//-----------------------------------------------------------------------------

namespace {

using ui::Health;
using ui::StaffLine;

std::tm localTm(std::chrono::sys_seconds t) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(t);
    std::tm local{};
    localtime_r(&tt, &local);
    return local;
}

std::string hhmmss(std::chrono::sys_seconds t) {
    const std::tm l = localTm(t);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", l.tm_hour, l.tm_min, l.tm_sec);
    return buf;
}

std::string dayAndTime(std::chrono::sys_seconds t) {
    const std::tm l = localTm(t);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02d/%02d %02d:%02d:%02d", l.tm_mday, l.tm_mon + 1, l.tm_hour, l.tm_min, l.tm_sec);
    return buf;
}

std::string minutesSeconds(long long seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld", seconds / 60, seconds % 60);
    return buf;
}

ui::TaskState taskState(core::StaffTask t) {
    switch (t) {
        case core::StaffTask::Idle: return ui::TaskState::Idle;
        case core::StaffTask::Running: return ui::TaskState::Running;
        case core::StaffTask::Done: return ui::TaskState::Done;
        case core::StaffTask::Failed: return ui::TaskState::Failed;
    }
    return ui::TaskState::Idle;
}

ui::StaffTab tabOf(core::StaffPage p) { return static_cast<ui::StaffTab>(static_cast<int>(p)); }
core::StaffPage pageOf(ui::StaffTab t) { return static_cast<core::StaffPage>(static_cast<int>(t)); }

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

bool StaffScreens::handles(core::Screen screen) {
    return screen == core::Screen::StaffPin || screen == core::Screen::StaffMenu || screen == core::Screen::Setup;
}

// Every non-loopback IPv4 and IPv6 address, read again every 5 s at most (a getifaddrs call).
const std::string& StaffScreens::addresses() {
    const auto now = std::chrono::steady_clock::now();
    if (!m_addresses.empty() && now - m_addressesAt < std::chrono::seconds(5)) return m_addresses;
    m_addressesAt = now;
    m_addresses.clear();
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) == 0) {
        for (const ifaddrs* a = list; a != nullptr; a = a->ifa_next) {
            if (a->ifa_addr == nullptr || (a->ifa_flags & IFF_LOOPBACK) != 0) continue;
            char buf[INET6_ADDRSTRLEN] = {};
            const int family = a->ifa_addr->sa_family;
            if (family == AF_INET) {
                inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(a->ifa_addr)->sin_addr, buf, sizeof buf);
            } else if (family == AF_INET6) {
                const auto* in6 = reinterpret_cast<const sockaddr_in6*>(a->ifa_addr);
                if (IN6_IS_ADDR_LINKLOCAL(&in6->sin6_addr)) continue;
                inet_ntop(AF_INET6, &in6->sin6_addr, buf, sizeof buf);
            } else {
                continue;
            }
            if (!m_addresses.empty()) m_addresses += ", ";
            m_addresses += std::string(a->ifa_name) + " " + buf;
        }
        freeifaddrs(list);
    }
    if (m_addresses.empty()) m_addresses = "—";
    return m_addresses;
}

//-----------------------------------------------------------------------------
// [SECTION] PIN pad and frame
//-----------------------------------------------------------------------------

ui::PinPadView StaffScreens::pinPadView(const StaffInputs& in) {
    const ui::Strings& t = in.strings;
    const core::FlowState& s = in.flow;
    ui::PinPadView v;
    v.chrome = in.chrome;
    v.title = t.get("staff.pin.title");
    v.digits = static_cast<int>(s.staff.pinDigits.size());
    v.checking = s.staff.pinChecking;
    v.locked = s.pinLockedUntil && in.now < *s.pinLockedUntil;
    v.wrong = s.staff.pinWrong;
    if (v.locked) {
        const auto left = std::chrono::ceil<std::chrono::seconds>(*s.pinLockedUntil - in.now).count();
        v.prompt = t.format("staff.pin.locked", {{"time", minutesSeconds(left)}});
    } else if (v.checking) {
        v.prompt = t.get("staff.pin.checking");
    } else if (v.wrong) {
        const int left = std::max(0, in.flowConfig.pinMaxAttempts - s.pinFailures);
        v.prompt = t.format("staff.pin.wrong", {{"left", std::to_string(left)}});
    } else {
        v.prompt = t.get("staff.pin.prompt");
    }
    v.okLabel = t.get("staff.pin.ok");
    v.backLabel = t.get("staff.pin.back");
    v.clearLabel = t.get("staff.pad.clear");
    v.deleteLabel = t.get("staff.pad.delete");
    return v;
}

namespace {

ui::StaffFrame frameFor(const StaffInputs& in) {
    const ui::Strings& t = in.strings;
    ui::StaffFrame f;
    f.chrome = in.chrome;
    f.tab = tabOf(in.flow.staff.page);
    for (const core::StaffPage p : {core::StaffPage::Device, core::StaffPage::Settings, core::StaffPage::Audit,
                                    core::StaffPage::Power, core::StaffPage::Pin, core::StaffPage::Provision}) {
        f.tabs.emplace_back(tabOf(p), t.get("staff.tab." + std::string(core::toString(p))));
    }
    f.title = t.get("staff.title") + " — " + t.get("staff.tab." + std::string(core::toString(in.flow.staff.page)));
    f.exitLabel = t.get("staff.exit");
    return f;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] device
//-----------------------------------------------------------------------------

ui::DeviceView StaffScreens::deviceView(const StaffInputs& in) {
    const ui::Strings& t = in.strings;
    const core::FlowState& s = in.flow;
    const HealthSnapshot h = in.services.health();
    ui::DeviceView v;
    v.frame = frameFor(in);
    v.systemTitle = t.get("staff.device.system");
    v.backendTitle = t.get("staff.device.backend");
    v.cameraTitle = t.get("staff.device.camera");
    v.printerTitle = t.get("staff.device.printer");
    v.errorsTitle = t.get("staff.device.errors");

    // -- system
    const auto up = std::chrono::duration_cast<std::chrono::minutes>(std::chrono::system_clock::now() - h.startedAt);
    const std::tm local = localTm(in.wallNow);
    char zone[64];
    std::snprintf(zone, sizeof zone, "%s, UTC%+03ld:%02ld", local.tm_zone != nullptr ? local.tm_zone : "?",
                  local.tm_gmtoff / 3600, (std::labs(local.tm_gmtoff) % 3600) / 60);
    v.system = {
        {t.get("staff.device.version"), KIOSK_VERSION, Health::Neutral},
        {t.get("staff.device.kiosk_id"), kioskIdOf(in.settings), Health::Neutral},
        {t.get("staff.device.office"), in.settings.office.name, Health::Neutral},
        {t.get("staff.device.uptime"),
         t.format("staff.device.uptime_value", {{"hours", std::to_string(up.count() / 60)}, {"minutes", std::to_string(up.count() % 60)}}),
         Health::Neutral},
        {t.get("staff.device.ip"), addresses(), Health::Neutral},
        {t.get("staff.device.time"), hhmmss(in.wallNow) + " (" + zone + ")", Health::Neutral},
        {t.get("staff.device.outbox"), std::to_string(h.outboxDepth), h.outboxDepth > 0 ? Health::Warning : Health::Good},
    };

    // -- backend
    if (in.settings.backend.url.empty()) {
        v.backend.push_back({t.get("staff.device.backend_url"), t.get("staff.device.not_configured"), Health::Bad});
    } else {
        v.backend.push_back({t.get("staff.device.backend_url"), in.settings.backend.url, Health::Neutral});
        if (h.lastBackendError) {
            v.backend.push_back({t.get("staff.device.reachable"),
                                 t.format("staff.device.unreachable", {{"kind", core::toString(*h.lastBackendError)}}), Health::Bad});
        } else if (h.lastBackendContact) {
            v.backend.push_back({t.get("staff.device.reachable"),
                                 t.format("staff.device.reachable_at", {{"time", hhmmss(std::chrono::floor<std::chrono::seconds>(*h.lastBackendContact))}}),
                                 Health::Good});
        } else {
            v.backend.push_back({t.get("staff.device.reachable"), t.get("staff.device.not_checked"), Health::Neutral});
        }
        char rtt[32] = "—";
        if (h.lastRoundTripMs) std::snprintf(rtt, sizeof rtt, "%.0f ms", *h.lastRoundTripMs);
        v.backend.push_back({t.get("staff.device.round_trip"), rtt, Health::Neutral});
        v.backend.push_back({t.get("staff.device.token"),
                             t.get(h.tokenAccepted ? "staff.device.token_ok" : "staff.device.token_refused"),
                             h.tokenAccepted ? Health::Good : Health::Bad});
    }
    switch (s.staff.backendTest) {
        case core::StaffTask::Running: v.backend.push_back({t.get("staff.device.test"), t.get("staff.device.testing"), Health::Neutral}); break;
        case core::StaffTask::Done: v.backend.push_back({t.get("staff.device.test"), t.get("staff.device.test_ok"), Health::Good}); break;
        case core::StaffTask::Failed:
            v.backend.push_back({t.get("staff.device.test"), t.format("staff.device.test_failed", {{"kind", s.staff.backendTestDetail}}), Health::Bad});
            break;
        case core::StaffTask::Idle: break;
    }
    v.testBackendLabel = t.get("staff.device.test_now");
    v.backendTest = taskState(s.staff.backendTest);

    // -- camera and scanners
    if (h.camera) {
        const bool running = h.camera->state == platform::CameraStatus::State::Running;
        std::string state = t.get(std::string("staff.device.camera_state.") + platform::toString(h.camera->state));
        if (!h.camera->reason.empty() && !running) state += " — " + h.camera->reason;
        v.camera.push_back({t.get("staff.device.camera_state"), state, running ? Health::Good : Health::Bad});
        if (in.preview.texture().id() != nullptr) {
            v.previewTexture = in.preview.texture().id();
            v.previewWidth = in.preview.texture().width();
            v.previewHeight = in.preview.texture().height();
        }
    } else {
        v.camera.push_back({t.get("staff.device.camera_state"), t.get("staff.device.not_configured"), Health::Neutral});
    }
    for (const platform::CameraStatus& scanner : h.scanners) {
        const bool running = scanner.state == platform::CameraStatus::State::Running;
        v.camera.push_back({t.get("staff.device.scanner"), t.get(std::string("staff.device.camera_state.") + platform::toString(scanner.state)),
                            running ? Health::Good : Health::Bad});
    }
    if (s.staff.lastRead) {
        const core::StaffRead& r = *s.staff.lastRead;
        std::string shown = r.shown;
        if (shown == "token") shown = t.get("staff.device.read_token");
        else if (shown.find('.') == std::string::npos) shown = t.format("staff.device.read_not_receipt", {{"reason", shown}});
        v.camera.push_back({t.get("staff.device.last_read"),
                            t.format(r.camera ? "staff.device.read_camera" : "staff.device.read_scanner",
                                     {{"code", shown}, {"count", std::to_string(r.count)}}),
                            Health::Good});
    } else {
        v.camera.push_back({t.get("staff.device.last_read"), t.get("staff.device.read_hint"), Health::Neutral});
    }

    // -- printer
    if (!h.printerConfigured) {
        v.printer.push_back({t.get("staff.device.printer_state"), t.get("staff.device.not_configured"), Health::Neutral});
    } else if (h.printerStatus) {
        const auto& p = *h.printerStatus;
        v.printer.push_back({t.get("staff.device.printer_state"), t.get(p.ready() ? "staff.device.ready" : "staff.device.not_ready"),
                             p.ready() ? Health::Good : Health::Bad});
        v.printer.push_back({t.get("staff.device.paper"),
                             t.get(p.paperOut ? "staff.device.paper_out" : p.paperNearEnd ? "staff.device.paper_low" : "staff.device.paper_ok"),
                             p.paperOut ? Health::Bad : p.paperNearEnd ? Health::Warning : Health::Good});
        v.printer.push_back({t.get("staff.device.cover"), t.get(p.coverOpen ? "staff.device.cover_open" : "staff.device.cover_closed"),
                             p.coverOpen ? Health::Bad : Health::Good});
        v.printer.push_back({t.get("staff.device.online"), t.get(p.online ? "staff.device.yes" : "staff.device.no"),
                             p.online ? Health::Good : Health::Bad});
    } else {
        v.printer.push_back({t.get("staff.device.printer_state"), t.get("staff.device.printer_one_way"), Health::Neutral});
    }
    if (h.printerConfigured) {
        std::uint64_t failed = 0;
        for (const auto n : h.printFailures) failed += n;
        std::string last = h.lastPrintAt ? hhmmss(std::chrono::floor<std::chrono::seconds>(*h.lastPrintAt)) : "—";
        if (h.lastPrintFailure) last += " — " + t.get(core::translationKey(*h.lastPrintFailure));
        v.printer.push_back({t.get("staff.device.prints"),
                             t.format("staff.device.prints_value", {{"ok", std::to_string(h.printsOk)}, {"failed", std::to_string(failed)}}),
                             failed > 0 ? Health::Warning : Health::Neutral});
        v.printer.push_back({t.get("staff.device.last_print"), last, h.lastPrintFailure ? Health::Bad : Health::Neutral});
    }
    if (s.staff.testPage) {
        std::string text;
        Health health = Health::Neutral;
        switch (s.print) {
            case core::PrintStatus::Printing: text = t.get("staff.device.test_page_printing"); break;
            case core::PrintStatus::Printed: text = t.get("staff.device.test_page_printed"); health = Health::Good; break;
            case core::PrintStatus::Failed:
                text = t.get(core::translationKey(s.printFailure.value_or(core::PrintFailure::Io)));
                health = Health::Bad;
                break;
            case core::PrintStatus::Idle: break;
        }
        if (!text.empty()) v.printer.push_back({t.get("staff.device.test_page"), text, health});
    }
    v.testPageLabel = t.get("staff.device.print_test_page");
    v.testPageEnabled = h.printerConfigured;
    v.testPage = s.print == core::PrintStatus::Printing && s.staff.testPage ? ui::TaskState::Running : ui::TaskState::Idle;

    // -- errors, newest first
    for (auto it = h.recentErrors.rbegin(); it != h.recentErrors.rend(); ++it) {
        v.errors.push_back({dayAndTime(std::chrono::floor<std::chrono::seconds>(it->at)),
                            t.get("staff.device.area." + std::string(toString(it->area))) + ": " + it->kind, Health::Warning});
    }
    if (v.errors.empty()) v.errors.push_back({t.get("staff.device.errors"), t.get("staff.device.no_errors"), Health::Good});
    return v;
}

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

//-----------------------------------------------------------------------------
// [SECTION] audit, power, PIN, provisioning, setup
//-----------------------------------------------------------------------------

ui::AuditView StaffScreens::auditView(const StaffInputs& in) {
    const ui::Strings& t = in.strings;
    ui::AuditView v;
    v.frame = frameFor(in);
    v.emptyText = t.get(in.data ? "staff.audit.empty" : "staff.settings.loading");
    if (!in.data) return v;
    for (const core::AuditEntry& e : in.data->audit) {
        std::string what = t.get("staff.audit." + std::string(core::toString(e.action)));
        if (!e.key.empty()) what += " " + e.key;
        if (e.action == core::AuditAction::SettingChanged) what += ": " + e.from + " → " + e.to;
        if (!e.detail.empty()) what += " (" + e.detail + ")";
        v.entries.push_back({dayAndTime(e.at), what, Health::Neutral});
    }
    return v;
}

ui::PowerView StaffScreens::powerView(const StaffInputs& in) {
    const ui::Strings& t = in.strings;
    const core::StaffState& st = in.flow.staff;
    ui::PowerView v;
    v.frame = frameFor(in);
    v.restartLabel = t.get("staff.power.restart");
    v.shutdownLabel = t.get("staff.power.shutdown");
    v.rebootLabel = t.get("staff.power.reboot");
    v.shutdownAvailable = !in.settings.staff.poweroffCommand.empty();
    v.rebootAvailable = !in.settings.staff.rebootCommand.empty();
    v.yesLabel = t.get("staff.power.yes");
    v.noLabel = t.get("staff.power.no");
    switch (st.dialog) {
        case core::StaffDialog::Restart: v.question = t.get("staff.power.ask_restart"); break;
        case core::StaffDialog::Shutdown: v.question = t.get("staff.power.ask_shutdown"); break;
        case core::StaffDialog::Reboot: v.question = t.get("staff.power.ask_reboot"); break;
        case core::StaffDialog::None: break;
    }
    switch (st.power) {
        case core::StaffTask::Running: v.note = t.get("staff.power.running"); break;
        case core::StaffTask::Done: v.note = t.get("staff.power.done"); v.noteHealth = Health::Good; break;
        case core::StaffTask::Failed:
            v.note = t.format("staff.power.failed", {{"detail", st.powerDetail}});
            v.noteHealth = Health::Bad;
            break;
        case core::StaffTask::Idle:
            if (st.restartNeeded) {
                v.note = t.get("staff.settings.saved_restart");
                v.noteHealth = Health::Warning;
            } else {
                v.note = t.get("staff.power.intro");
            }
            break;
    }
    return v;
}

ui::NewPinView StaffScreens::newPinView(const StaffInputs& in, bool setup) {
    const ui::Strings& t = in.strings;
    const core::NewPinState& p = in.flow.staff.newPin;
    ui::NewPinView v;
    v.digits = static_cast<int>(p.digits.size());
    v.saving = taskState(p.task);
    v.okLabel = t.get("staff.pin.ok");
    v.clearLabel = t.get("staff.pad.clear");
    v.deleteLabel = t.get("staff.pad.delete");
    v.cancelLabel = setup ? std::string() : t.get("staff.newpin.cancel");
    v.keepLabel = t.get("staff.newpin.keep");
    v.offerKeep = setup && in.flowConfig.staffPinSet;
    if (p.task == core::StaffTask::Running) {
        v.prompt = t.get("staff.newpin.saving");
    } else if (p.task == core::StaffTask::Done) {
        v.prompt = t.get("staff.newpin.saved");
    } else if (p.task == core::StaffTask::Failed) {
        v.prompt = t.get("staff.newpin.failed");
        v.problem = true;
    } else if (p.mismatch) {
        v.prompt = t.get("staff.newpin.mismatch");
        v.problem = true;
    } else if (p.weakness) {
        v.prompt = t.get("staff.newpin.weak." + std::string(core::toString(*p.weakness)));
        v.problem = true;
    } else if (p.confirming) {
        v.prompt = t.get("staff.newpin.again");
    } else {
        v.prompt = t.get(setup ? "staff.newpin.prompt_setup" : "staff.newpin.prompt");
    }
    return v;
}

ui::ProvisionView StaffScreens::provisionView(const StaffInputs& in) {
    const ui::Strings& t = in.strings;
    ui::ProvisionView v;
    v.instructions = t.get("staff.provision.instructions");
    v.applyLabel = t.get("staff.provision.apply");
    v.dismissLabel = t.get("staff.provision.dismiss");
    const auto& p = in.flow.staff.provisioning;
    if (!p) return v;
    v.offer = true;
    v.task = taskState(p->task);
    if (p->problems.empty()) {
        v.summary = {{t.get("staff.device.kiosk_id"), p->kioskId, Health::Neutral},
                     {t.get("staff.device.office"), p->officeName, Health::Neutral},
                     {t.get("staff.device.backend_url"), p->backendUrl, Health::Neutral}};
    } else {
        v.problems = p->problems;
        v.status = t.get("staff.provision.invalid");
        v.task = ui::TaskState::Failed;
    }
    switch (p->task) {
        case core::StaffTask::Running: v.status = t.get("staff.provision.running"); break;
        case core::StaffTask::Done: v.status = t.get("staff.provision.done"); break;
        case core::StaffTask::Failed: {
            const std::string key = "staff.provision.failure." + p->failure;
            v.status = t.has(key) ? t.get(key) : t.format("staff.provision.failure.other", {{"kind", p->failure}});
            break;
        }
        case core::StaffTask::Idle:
            if (p->problems.empty()) v.status = t.get("staff.provision.confirm");
            break;
    }
    return v;
}

ui::SetupView StaffScreens::setupView(const StaffInputs& in) {
    const ui::Strings& t = in.strings;
    ui::SetupView v;
    v.chrome = in.chrome;
    v.title = t.get("staff.setup.title");
    v.intro = t.get("staff.setup.intro");
    const core::Settings& s = in.settings;
    auto item = [&](const char* key, bool ok, const std::string& value) {
        v.checklist.push_back({t.get(key), ok ? value : t.get("staff.setup.missing"), ok ? Health::Good : Health::Bad});
    };
    item("staff.device.backend_url", !s.backend.url.empty(), s.backend.url);
    item("staff.device.kiosk_id", !s.operations.kioskId.empty(), s.operations.kioskId);
    item("staff.setup.token", !s.backend.tokenFile.empty(), s.backend.tokenFile);
    item("staff.setup.pin", in.flowConfig.staffPinSet, t.get("staff.setup.pin_set"));
    v.checklist.push_back({t.get("staff.device.office"), s.office.name, Health::Neutral});
    v.provision = provisionView(in);
    const auto& p = in.flow.staff.provisioning;
    if (p && p->task == core::StaffTask::Done) {
        // Written, not reloaded yet: say what the kiosk now is, then ask for the PIN.
        v.intro = t.get("staff.provision.done");
        v.checklist = {{t.get("staff.device.kiosk_id"), p->kioskId, Health::Good},
                       {t.get("staff.device.office"), p->officeName, Health::Good},
                       {t.get("staff.device.backend_url"), p->backendUrl, Health::Good},
                       {t.get("staff.setup.pin"), in.flowConfig.staffPinSet ? t.get("staff.setup.pin_set") : t.get("staff.setup.missing"),
                        in.flowConfig.staffPinSet ? Health::Good : Health::Bad}};
        v.newPin = newPinView(in, true);
    }
    if (in.preview.texture().id() != nullptr) {
        v.previewTexture = in.preview.texture().id();
        v.previewWidth = in.preview.texture().width();
        v.previewHeight = in.preview.texture().height();
    }
    return v;
}

//-----------------------------------------------------------------------------
// [SECTION] drawing and events
//-----------------------------------------------------------------------------

std::optional<core::Event> StaffScreens::draw(const StaffInputs& in) {
    std::optional<ui::StaffUiEvent> event;
    const core::FlowState& s = in.flow;
    if (s.screen == core::Screen::StaffPin) {
        event = ui::drawPinPad(pinPadView(in));
    } else if (s.screen == core::Screen::Setup) {
        event = ui::drawSetup(setupView(in));
    } else if (s.screen == core::Screen::StaffMenu) {
        switch (s.staff.page) {
            case core::StaffPage::Device: event = ui::drawStaffDevice(deviceView(in)); break;
            case core::StaffPage::Settings: event = ui::drawStaffSettings(settingsView(in)); break;
            case core::StaffPage::Audit: event = ui::drawStaffAudit(auditView(in)); break;
            case core::StaffPage::Power: event = ui::drawStaffPower(powerView(in)); break;
            case core::StaffPage::Pin: {
                ui::StaffPinPageView v{frameFor(in), newPinView(in, false)};
                event = ui::drawStaffPin(v);
                break;
            }
            case core::StaffPage::Provision: {
                ui::StaffProvisionPageView v{frameFor(in), provisionView(in)};
                event = ui::drawStaffProvision(v);
                break;
            }
        }
    }
    if (!event) return std::nullopt;
    return toFlowEvent(*event, in);
}

std::optional<core::Event> StaffScreens::toFlowEvent(const ui::StaffUiEvent& event, const StaffInputs& in) {
    namespace ev = core::event;
    namespace sa = core::staff;
    const core::StaffState& st = in.flow.staff;
    auto staff = [](core::StaffAction a) -> core::Event { return ev::Staff{std::move(a)}; };
    return std::visit(
        [&](const auto& e) -> std::optional<core::Event> {
            using E = std::decay_t<decltype(e)>;
            namespace act = ui::staff_act;
            if constexpr (std::is_same_v<E, act::Tab>) return staff(sa::PageChosen{pageOf(e.tab)});
            else if constexpr (std::is_same_v<E, act::Exit>) return ev::StaffExit{};
            else if constexpr (std::is_same_v<E, act::PinKey>) return staff(sa::PinDigits{st.pinDigits + e.key});
            else if constexpr (std::is_same_v<E, act::PinErase>)
                return staff(sa::PinDigits{e.all || st.pinDigits.empty() ? std::string() : st.pinDigits.substr(0, st.pinDigits.size() - 1)});
            else if constexpr (std::is_same_v<E, act::PinSubmit>) return staff(sa::PinSubmit{});
            else if constexpr (std::is_same_v<E, act::PinBack>) return ev::Back{};
            else if constexpr (std::is_same_v<E, act::TestBackend>) return staff(sa::BackendTestRequested{});
            else if constexpr (std::is_same_v<E, act::TestPage>) return staff(sa::TestPageRequested{});
            else if constexpr (std::is_same_v<E, act::Group>) return staff(sa::GroupChosen{e.id});
            else if constexpr (std::is_same_v<E, act::EditSetting>) {
                m_shift = false;
                return staff(sa::EditOpened{e.key, editorText(in, e.key)});
            } else if constexpr (std::is_same_v<E, act::EditText>) return staff(sa::EditText{e.text});
            else if constexpr (std::is_same_v<E, act::ToggleShift>) {
                m_shift = !m_shift;
                return ev::UserActivity{};
            } else if constexpr (std::is_same_v<E, act::EditDone>) return staff(sa::EditClosed{e.keep});
            else if constexpr (std::is_same_v<E, act::ResetSetting>) return staff(sa::ResetToFleet{e.key});
            else if constexpr (std::is_same_v<E, act::Save>) return staff(sa::SaveRequested{});
            else if constexpr (std::is_same_v<E, act::Discard>) return staff(sa::DraftDiscarded{});
            else if constexpr (std::is_same_v<E, act::AskPower>) {
                const core::StaffDialog d = e.what == act::Power::Restart    ? core::StaffDialog::Restart
                                            : e.what == act::Power::Shutdown ? core::StaffDialog::Shutdown
                                                                             : core::StaffDialog::Reboot;
                return staff(sa::DialogOpened{d});
            } else if constexpr (std::is_same_v<E, act::Answer>) return staff(sa::DialogAnswered{e.yes});
            else if constexpr (std::is_same_v<E, act::NewPinKey>) return staff(sa::NewPinDigits{st.newPin.digits + e.key});
            else if constexpr (std::is_same_v<E, act::NewPinErase>)
                return staff(sa::NewPinDigits{e.all || st.newPin.digits.empty() ? std::string()
                                                                                : st.newPin.digits.substr(0, st.newPin.digits.size() - 1)});
            else if constexpr (std::is_same_v<E, act::NewPinSubmit>) return staff(sa::NewPinSubmit{});
            else if constexpr (std::is_same_v<E, act::NewPinCancel>) return staff(sa::NewPinCancelled{});
            else if constexpr (std::is_same_v<E, act::KeepPin>) return staff(sa::KeepCurrentPin{});
            else if constexpr (std::is_same_v<E, act::ApplyProvisioning>) return staff(sa::ProvisioningConfirmed{});
            else if constexpr (std::is_same_v<E, act::DismissProvisioning>) return staff(sa::ProvisioningDismissed{});
            else static_assert(sizeof(E) == 0, "map every staff UI event");
        },
        event);
}

}  // namespace kiosk::app
