#include "tests/support/kiosk_test/staff_state.hpp"

namespace kiosk::app {
namespace {

const char* taskName(core::StaffTask t) {
    switch (t) {
        case core::StaffTask::Idle: return "idle";
        case core::StaffTask::Running: return "running";
        case core::StaffTask::Done: return "done";
        case core::StaffTask::Failed: return "failed";
    }
    return "?";
}

}  // namespace

std::string staffStateText(const ShellSnapshot& snapshot, std::chrono::steady_clock::time_point now) {
    const core::FlowState& s = *snapshot.flow;
    const bool staffScreen = s.screen == core::Screen::StaffPin || s.screen == core::Screen::StaffMenu ||
                             s.screen == core::Screen::Setup;
    const long long locked = s.pinLockedUntil && now < *s.pinLockedUntil
                                 ? std::chrono::ceil<std::chrono::seconds>(*s.pinLockedUntil - now).count()
                                 : 0;
    if (!staffScreen && locked == 0 && s.pinFailures == 0) return {};
    const core::StaffState& st = s.staff;
    std::string out = " staff=" + std::string(core::toString(st.page)) + " pin=" + std::to_string(st.pinDigits.size()) +
                      " checking=" + (st.pinChecking ? "1" : "0") + " failures=" + std::to_string(s.pinFailures) +
                      " locked=" + std::to_string(locked) + " draft=" + std::to_string(st.draft.size()) +
                      " editing=" + (st.editingKey.empty() ? std::string("-") : st.editingKey) + " save=" + taskName(st.save) +
                      " restart_needed=" + (st.restartNeeded ? "1" : "0") + " backend_test=" + taskName(st.backendTest);
    if (!st.backendTestDetail.empty()) out += ":" + st.backendTestDetail;
    out += " provision=";
    if (!st.provisioning) {
        out += "none";
    } else {
        out += st.provisioning->problems.empty() ? taskName(st.provisioning->task) : "invalid";
        if (!st.provisioning->failure.empty()) out += ":" + st.provisioning->failure;
    }
    out += " newpin=" + std::string(taskName(st.newPin.task)) + (st.newPin.confirming ? ":confirm" : "") +
           (st.newPin.weakness ? ":" + std::string(core::toString(*st.newPin.weakness)) : "") +
           (st.newPin.mismatch ? ":mismatch" : "");
    out += " power=" + std::string(taskName(st.power));
    out += " read=" + (st.lastRead ? st.lastRead->shown + "#" + std::to_string(st.lastRead->count) : std::string("-"));
    out += std::string(" printer_ready=") + (snapshot.printerReady ? "1" : "0") + " backend_ok=" + (snapshot.backendAnswered ? "1" : "0");
    return out;
}

}  // namespace kiosk::app
