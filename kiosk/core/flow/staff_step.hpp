#pragma once
// Internal to the flow module: the staff transitions (staff_flow.cpp) as flow.cpp's step() calls
// them. Not part of the flow's interface.

#include <string>
#include <vector>

#include "kiosk/core/flow/flow.hpp"

namespace kiosk::core::detail {

/// The state being stepped and what the step asks of the app.
struct StaffStep {
    FlowState& s;
    std::vector<Command>& out;
    TimePoint now;
    const FlowConfig& cfg;
    /// Set by the handlers: end staff mode (the caller wipes the session and returns to Attract);
    /// the string says why ("button", "idle", "setup") for the audit entry.
    std::string leave;
    void task(StaffCommand c) { out.emplace_back(command::Staff{std::move(c)}); }
};

/// A staff page's action or a staff task's answer.
void stepStaff(StaffStep& st, const StaffAction& action);
/// The app's verdict on the PIN typed on the pad.
void staffPinEntered(StaffStep& st, bool ok);
/// The hidden gesture (or the keyboard shortcut) on a citizen screen.
/// @return true when the PIN pad opens (the caller wipes the citizen session first)
bool staffGestureAllowed(const FlowState& s, const FlowConfig& cfg);
/// Time passed on a staff screen: idle exit, lockout end. Sets `leave` on idle.
void staffTick(StaffStep& st);
/// A code read while a staff page is shown (device test).
void staffCodeRead(StaffStep& st, const ReceiptReading& reading, bool camera);

}  // namespace kiosk::core::detail
