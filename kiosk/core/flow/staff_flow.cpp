// Staff mode and setup transitions (kiosk/core/flow/staff_flow.hpp), called from step() in flow.cpp.
#include "kiosk/core/flow/staff_step.hpp"

#include <algorithm>
#include <type_traits>

#include "kiosk/core/staff/provisioning.hpp"

namespace kiosk::core {

std::string_view toString(StaffPage page) {
    switch (page) {
        case StaffPage::Device: return "device";
        case StaffPage::Settings: return "settings";
        case StaffPage::Audit: return "audit";
        case StaffPage::Power: return "power";
        case StaffPage::Pin: return "pin";
        case StaffPage::Provision: return "provision";
    }
    return "unknown";
}

namespace detail {
namespace {

using std::chrono::seconds;

constexpr std::size_t kMaxEditBytes = 512;

std::string digitsOnly(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c >= '0' && c <= '9' && out.size() < kMaxPinDigits) out += c;
    }
    return out;
}

bool locked(const FlowState& s, TimePoint now) { return s.pinLockedUntil && now < *s.pinLockedUntil; }

void recordPinState(StaffStep& st) {
    st.task(staff_task::RecordPinState{st.s.pinFailures, st.s.pinLockedUntil});
}

/// Where a new PIN may be typed: the Pin page, or Setup once provisioning succeeded.
bool newPinAllowed(const FlowState& s) {
    if (s.screen == Screen::StaffMenu) return s.staff.page == StaffPage::Pin;
    return s.screen == Screen::Setup && s.staff.provisioning && s.staff.provisioning->task == StaffTask::Done;
}

bool provisioningAllowed(const FlowState& s) {
    return s.screen == Screen::Setup || (s.screen == Screen::StaffMenu && s.staff.page == StaffPage::Provision);
}

struct Handler {
    StaffStep& st;
    StaffState& staff() { return st.s.staff; }
    bool menu() const { return st.s.screen == Screen::StaffMenu; }

    void operator()(const staff::PinDigits& a) {
        if (st.s.screen != Screen::StaffPin || staff().pinChecking || locked(st.s, st.now)) return;
        staff().pinDigits = digitsOnly(a.digits);
        staff().pinWrong = false;
    }
    void operator()(const staff::PinSubmit&) {
        StaffState& f = staff();
        if (st.s.screen != Screen::StaffPin || f.pinChecking || locked(st.s, st.now)) return;
        if (f.pinDigits.size() < kMinPinDigits) return;
        st.task(staff_task::VerifyPin{f.pinDigits});
        f.pinDigits.clear();
        f.pinChecking = true;
    }
    void operator()(const staff::PageChosen& a) {
        if (!menu()) return;
        StaffState& f = staff();
        if (f.page != a.page) {
            f.dialog = StaffDialog::None;
            f.editingKey.clear();
            f.newPin = {};
            if (f.provisioning && f.provisioning->task != StaffTask::Running) f.provisioning.reset();
        }
        f.page = a.page;
        // The settings and audit pages show the files as they are now (read on a worker).
        if (a.page == StaffPage::Settings || a.page == StaffPage::Audit) st.task(staff_task::LoadStaffData{});
    }
    void operator()(const staff::GroupChosen& a) {
        if (!menu() || staff().page != StaffPage::Settings) return;
        staff().group = a.id;
        staff().editingKey.clear();
    }
    void operator()(const staff::EditOpened& a) {
        if (!menu() || staff().page != StaffPage::Settings || a.key.empty()) return;
        staff().editingKey = a.key;
        staff().editText = a.text.substr(0, kMaxEditBytes);
    }
    void operator()(const staff::EditText& a) {
        if (!menu() || staff().editingKey.empty() || a.text.size() > kMaxEditBytes) return;
        staff().editText = a.text;
    }
    void operator()(const staff::EditClosed& a) {
        StaffState& f = staff();
        if (!menu() || f.editingKey.empty()) return;
        if (a.keep) {
            f.draft[f.editingKey] = f.editText;
            f.save = StaffTask::Idle;
        }
        f.editingKey.clear();
        f.editText.clear();
    }
    void operator()(const staff::ResetToFleet& a) {
        if (!menu() || staff().page != StaffPage::Settings || a.key.empty()) return;
        staff().draft[a.key] = std::nullopt;
        staff().editingKey.clear();
        staff().save = StaffTask::Idle;
    }
    void operator()(const staff::DraftDiscarded&) {
        if (!menu() || staff().save == StaffTask::Running) return;
        staff().draft.clear();
        staff().save = StaffTask::Idle;
        staff().saveDetail.clear();
    }
    void operator()(const staff::SaveRequested&) {
        StaffState& f = staff();
        if (!menu() || f.draft.empty() || f.save == StaffTask::Running) return;
        st.task(staff_task::SaveSettings{f.draft});
        f.save = StaffTask::Running;
        f.saveDetail.clear();
    }
    void operator()(const staff::SaveFinished& a) {
        StaffState& f = staff();
        if (!menu() || f.save != StaffTask::Running) return;
        f.save = a.ok ? StaffTask::Done : StaffTask::Failed;
        f.saveDetail = a.detail;
        if (!a.ok) return;
        f.draft.clear();
        f.restartNeeded = f.restartNeeded || a.restartNeeded;
        st.out.emplace_back(command::ReloadSettings{});  // what applies without a restart, applies now
    }
    void operator()(const staff::BackendTestRequested&) {
        if (!menu() || staff().backendTest == StaffTask::Running) return;
        st.task(staff_task::TestBackend{});
        staff().backendTest = StaffTask::Running;
        staff().backendTestDetail.clear();
    }
    void operator()(const staff::BackendTestFinished& a) {
        if (!menu() || staff().backendTest != StaffTask::Running) return;
        staff().backendTest = a.ok ? StaffTask::Done : StaffTask::Failed;
        staff().backendTestDetail = a.detail;
        st.task(staff_task::Audit{AuditAction::BackendTested, a.ok ? std::string("ok") : a.detail});
    }
    void operator()(const staff::TestPageRequested&) {
        if (!menu() || st.s.print == PrintStatus::Printing) return;
        st.task(staff_task::PrintTestPage{});
        st.s.print = PrintStatus::Printing;
        st.s.printFailure.reset();
        staff().testPage = true;
    }
    void operator()(const staff::DialogOpened& a) {
        if (!menu() || staff().power == StaffTask::Running) return;
        staff().dialog = a.dialog;
    }
    void operator()(const staff::DialogAnswered& a) {
        StaffState& f = staff();
        if (!menu() || f.dialog == StaffDialog::None) return;
        const StaffDialog dialog = f.dialog;
        f.dialog = StaffDialog::None;
        if (!a.yes) return;
        f.power = StaffTask::Running;
        f.powerDetail.clear();
        switch (dialog) {
            case StaffDialog::Restart: st.task(staff_task::RestartKiosk{}); break;
            case StaffDialog::Shutdown: st.task(staff_task::PowerOff{false}); break;
            case StaffDialog::Reboot: st.task(staff_task::PowerOff{true}); break;
            case StaffDialog::None: break;
        }
    }
    void operator()(const staff::PowerFinished& a) {
        if (!menu() || staff().power != StaffTask::Running) return;
        staff().power = a.ok ? StaffTask::Done : StaffTask::Failed;
        staff().powerDetail = a.detail;
    }
    void operator()(const staff::NewPinDigits& a) {
        NewPinState& p = staff().newPin;
        if (!newPinAllowed(st.s) || p.task == StaffTask::Running) return;
        p.digits = digitsOnly(a.digits);
        p.weakness.reset();
        p.mismatch = false;
        if (p.task != StaffTask::Idle) p.task = StaffTask::Idle;
    }
    void operator()(const staff::NewPinSubmit&) {
        NewPinState& p = staff().newPin;
        if (!newPinAllowed(st.s) || p.task == StaffTask::Running) return;
        if (!p.confirming) {
            p.weakness = checkNewPin(p.digits);
            if (!p.weakness) {
                p.first = p.digits;
                p.confirming = true;
            }
            p.digits.clear();
            return;
        }
        if (p.digits == p.first) {
            st.task(staff_task::SetPin{p.first});
            p.task = StaffTask::Running;
        } else {
            p.mismatch = true;
        }
        p.first.clear();
        p.digits.clear();
        p.confirming = false;
    }
    void operator()(const staff::NewPinCancelled&) {
        if (staff().newPin.task != StaffTask::Running) staff().newPin = {};
    }
    void operator()(const staff::PinSaved& a) {
        NewPinState& p = staff().newPin;
        if (p.task != StaffTask::Running) return;
        p.task = a.ok ? StaffTask::Done : StaffTask::Failed;
        // Setup ends once the new PIN is saved: the reload finds the provisioned backend.
        if (a.ok && st.s.screen == Screen::Setup) st.out.emplace_back(command::ReloadSettings{});
    }
    void operator()(const staff::KeepCurrentPin&) {
        if (st.s.screen != Screen::Setup || !st.cfg.staffPinSet || !newPinAllowed(st.s)) return;
        st.out.emplace_back(command::ReloadSettings{});
    }
    void operator()(const staff::ProvisioningScanned& a) {
        if (!provisioningAllowed(st.s)) return;
        if (staff().provisioning && staff().provisioning->task != StaffTask::Idle &&
            staff().provisioning->task != StaffTask::Failed) {
            return;  // one at a time; a finished one stays on screen
        }
        // The same code still under the camera is read again every few seconds: keep what it said.
        if (staff().provisioning && !staff().provisioning->text.empty() && staff().provisioning->text == a.text) return;
        ProvisioningState p;
        ProvisioningParse parsed = parseProvisioning(a.text, "QR code");
        for (const ConfigIssue& issue : parsed.issues) p.problems.push_back(formatIssue(issue));
        if (parsed.document) {
            p.text = a.text;
            p.kioskId = parsed.document->settings.operations.kioskId;
            p.officeName = parsed.document->settings.office.name;
            p.backendUrl = parsed.document->settings.backend.url;
        }
        staff().provisioning = std::move(p);
    }
    void operator()(const staff::ProvisioningConfirmed&) {
        auto& p = staff().provisioning;
        if (!provisioningAllowed(st.s) || !p || !p->problems.empty() || p->text.empty()) return;
        if (p->task != StaffTask::Idle && p->task != StaffTask::Failed) return;
        st.task(staff_task::Provision{p->text});
        p->task = StaffTask::Running;
        p->failure.clear();
    }
    void operator()(const staff::ProvisioningDismissed&) {
        if (staff().provisioning && staff().provisioning->task != StaffTask::Running) staff().provisioning.reset();
    }
    void operator()(const staff::ProvisioningFinished& a) {
        auto& p = staff().provisioning;
        if (!p || p->task != StaffTask::Running) return;
        p->task = a.ok ? StaffTask::Done : StaffTask::Failed;
        p->failure = a.failure;
        if (!a.ok) return;
        p->text.clear();  // the enrolment code is spent: nothing keeps it
        staff().newPin = {};
        // In staff mode the PIN is known; the new backend applies at once. Setup asks for a PIN first.
        if (menu()) st.out.emplace_back(command::ReloadSettings{});
    }
    void operator()(const staff::SettingsReloaded&) {
        if (st.s.screen == Screen::Setup && !st.cfg.setupRequired) {
            st.leave = "setup_done";
        } else if (st.s.screen == Screen::Attract && st.cfg.setupRequired) {
            st.s.screen = Screen::Setup;
        }
    }
};

}  // namespace

void stepStaff(StaffStep& st, const StaffAction& action) { std::visit(Handler{st}, action); }

void staffPinEntered(StaffStep& st, bool ok) {
    FlowState& s = st.s;
    if (s.screen != Screen::StaffPin || !s.staff.pinChecking) return;
    s.staff.pinChecking = false;
    if (ok) {
        const bool hadFailures = s.pinFailures != 0;
        s.pinFailures = 0;
        s.staff = {};
        s.screen = Screen::StaffMenu;
        if (hadFailures) recordPinState(st);
        st.task(staff_task::Audit{AuditAction::StaffEntered, {}});
        st.task(staff_task::LoadStaffData{});
        // A receipt the camera has just read can be read again at once for the device page's test.
        st.out.emplace_back(command::WipeSession{});
        return;
    }
    s.pinFailures += 1;
    s.staff.pinWrong = true;
    st.task(staff_task::Audit{AuditAction::PinFailed, std::to_string(s.pinFailures)});
    if (s.pinFailures >= st.cfg.pinMaxAttempts) {
        s.pinLockedUntil = st.now + seconds(st.cfg.pinLockoutSeconds);
        st.task(staff_task::Audit{AuditAction::PinLockout, std::to_string(st.cfg.pinLockoutSeconds) + " s"});
    }
    recordPinState(st);
}

bool staffGestureAllowed(const FlowState& s, const FlowConfig& cfg) {
    if (!cfg.staffPinSet) return false;  // no PIN: nothing to unlock (the log said so at start)
    const Screen sc = s.screen;
    return sc != Screen::StaffPin && sc != Screen::StaffMenu && sc != Screen::Setup && sc != Screen::LookingUp &&
           s.print != PrintStatus::Printing;
}

void staffTick(StaffStep& st) {
    FlowState& s = st.s;
    if (s.pinLockedUntil && st.now >= *s.pinLockedUntil) {
        s.pinLockedUntil.reset();
        s.pinFailures = 0;
        s.staff.pinWrong = false;
        recordPinState(st);
    }
    const bool staffScreen = s.screen == Screen::StaffPin || s.screen == Screen::StaffMenu;
    if (staffScreen && st.now - s.lastActivity >= seconds(st.cfg.staffIdleSeconds)) st.leave = "idle";
}

void staffCodeRead(StaffStep& st, const ReceiptReading& reading, bool camera) {
    StaffState& f = st.s.staff;
    StaffRead read;
    read.camera = camera;
    read.count = f.lastRead ? f.lastRead->count + 1 : 1;
    if (const auto* code = std::get_if<DossierCode>(&reading)) {
        read.shown = code->value;
    } else if (std::holds_alternative<ReceiptToken>(reading)) {
        read.shown = "token";
    } else {
        read.shown = std::string(toString(std::get<NotAReceipt>(reading).reason));
    }
    f.lastRead = std::move(read);
}

}  // namespace detail
}  // namespace kiosk::core
