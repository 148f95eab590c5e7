#pragma once
// StaffScreens: the staff pages and the setup screen, as ScreenHost is for the citizen screens: it
// builds each view (kiosk/ui/staff_views.hpp) from the flow state, the health board and what the
// staff worker read (StaffData), draws it, and turns what staff did into a flow event. UI thread only.
// It keeps only what a screen needs between frames and that no one else must know: the keyboard's
// shift key, the last save plan (so check-config's messages are not recomputed every frame), and the
// IP addresses (read at most every few seconds).

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/app/services/kiosk_services.hpp"
#include "kiosk/app/shell/camera_preview.hpp"
#include "kiosk/app/staff/staff_service.hpp"
#include "kiosk/core/flow/flow.hpp"
#include "kiosk/core/staff/audit.hpp"
#include "kiosk/ui/staff_views.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::app {

struct StaffInputs {
    const core::FlowState& flow;
    const core::FlowConfig& flowConfig;
    const ui::Chrome& chrome;
    const ui::Strings& strings;
    const core::Settings& settings;
    const KioskServices& services;
    const CameraPreview& preview;
    std::shared_ptr<const StaffData> data;    ///< null until the worker has read the files
    std::chrono::sys_seconds wallNow;
    std::chrono::steady_clock::time_point now;  ///< the flow's clock (lockout time left)
};

class StaffScreens {
public:
    /// True for the screens drawn here (StaffPin, StaffMenu, Setup).
    static bool handles(core::Screen screen);

    /// Draws the screen and maps what staff did.
    /// @return the flow event, if any (UserActivity for what changes only this screen, e.g. shift)
    std::optional<core::Event> draw(const StaffInputs& in);

    /// Builders, public for the gallery and tests.
    static ui::PinPadView pinPadView(const StaffInputs& in);
    ui::DeviceView deviceView(const StaffInputs& in);
    ui::SettingsView settingsView(const StaffInputs& in);
    static ui::AuditView auditView(const StaffInputs& in);
    /// One audit entry as staff read it: the action, the key and values, the detail (its fixed words
    /// translated, anything else as recorded).
    static std::string auditText(const core::AuditEntry& e, const ui::Strings& t);
    static ui::PowerView powerView(const StaffInputs& in);
    static ui::NewPinView newPinView(const StaffInputs& in, bool setup);
    static ui::ProvisionView provisionView(const StaffInputs& in);
    static ui::SetupView setupView(const StaffInputs& in);

private:
    std::optional<core::Event> toFlowEvent(const ui::StaffUiEvent& event, const StaffInputs& in);
    const core::SavePlan* planFor(const StaffInputs& in, const core::SettingsDraft& draft);
    std::string editorText(const StaffInputs& in, const std::string& key) const;
    const std::string& addresses();

    bool m_shift = false;
    // the last plan and what it was made from
    std::optional<core::SavePlan> m_plan;
    core::SettingsDraft m_planDraft;
    std::shared_ptr<const StaffData> m_planData;
    std::string m_addresses;
    std::chrono::steady_clock::time_point m_addressesAt{};
};

}  // namespace kiosk::app
