// Staff views from the flow state, the health board and the staff worker's data. Index:
// [SECTION] helpers, [SECTION] PIN pad and frame, [SECTION] audit, power, PIN, provisioning, setup,
// [SECTION] drawing and events. The device page is in staff_device_view.cpp, the settings page in
// staff_settings_view.cpp; the helpers they share are declared in staff_screen_parts.hpp.
//
// Nothing here shows a PIN, a hash, a token, an enrolment code or personal data: the PIN pad shows
// dots, a code read on the device page is the dossier code only, errors are kinds.
#include "kiosk/app/shell/staff_screens.hpp"
#include "kiosk/app/shell/staff_screen_parts.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "kiosk/core/dossier/dossier_time.hpp"
#include "kiosk/core/text/vietnamese_input.hpp"

namespace kiosk::app {

//-----------------------------------------------------------------------------
// [SECTION] helpers
//-----------------------------------------------------------------------------

namespace staff_detail {

// Times on staff pages are the office's (office.time_zone), like the header clock and the slips.
std::string clockAt(const StaffInputs& in, std::chrono::sys_seconds t) { return core::formatClock(in.services.timeZone().at(t)); }

std::string dayAndTime(const StaffInputs& in, std::chrono::sys_seconds t) {
    return core::formatDateTime(in.services.timeZone().at(t), in.flow.language);
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

}  // namespace staff_detail

namespace {

using staff_detail::dayAndTime;
using staff_detail::frameFor;
using staff_detail::taskState;
using staff_detail::tabOf;
using ui::Health;
using ui::StaffLine;

std::string minutesSeconds(long long seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld", seconds / 60, seconds % 60);
    return buf;
}

core::StaffPage pageOf(ui::StaffTab t) { return static_cast<core::StaffPage>(static_cast<int>(t)); }

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

namespace staff_detail {

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

}  // namespace staff_detail

//-----------------------------------------------------------------------------
// [SECTION] audit, power, PIN, provisioning, setup
//-----------------------------------------------------------------------------

std::string StaffScreens::auditText(const core::AuditEntry& e, const ui::Strings& t) {
    std::string what = t.get("staff.audit." + std::string(core::toString(e.action)));
    if (!e.key.empty()) what += " " + e.key;
    if (e.action == core::AuditAction::SettingChanged) what += ": " + e.from + " → " + e.to;
    if (!e.detail.empty()) {
        // The fixed outcome words (printed, ok, a print failure, why staff mode ended) in the staff's
        // language; counts, kiosk IDs and messages as recorded.
        const std::string detailKey = "staff.audit.detail." + e.detail;
        what += " (" + (t.has(detailKey) ? t.get(detailKey) : e.detail) + ")";
    }
    return what;
}

ui::AuditView StaffScreens::auditView(const StaffInputs& in) {
    const ui::Strings& t = in.strings;
    ui::AuditView v;
    v.frame = frameFor(in);
    v.emptyText = t.get(in.data ? "staff.audit.empty" : "staff.settings.loading");
    if (!in.data) return v;
    for (const core::AuditEntry& e : in.data->audit) {
        v.entries.push_back({dayAndTime(in, e.at), auditText(e, t), Health::Neutral});
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
