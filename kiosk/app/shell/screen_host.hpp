#pragma once
// ScreenHost: turns the flow state and what the services know into the view of the current screen
// (kiosk/ui/views.hpp), draws it, and returns what the citizen did. It holds no session state: any
// screen can be redrawn from the flow state at any time. UI thread only, between NewFrame and Render.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/app/services/kiosk_services.hpp"
#include "kiosk/app/shell/camera_preview.hpp"
#include "kiosk/core/flow/flow.hpp"
#include "kiosk/core/guidance/guidance_library.hpp"
#include "kiosk/ui/result_view_builder.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::app {

/// Everything a frame shows besides ImGui's own widget state.
struct ScreenInputs {
    const core::FlowState& flow;
    const ui::Strings& strings;
    const core::Settings& settings;
    const core::guidance::GuidanceLibrary* guidance;  ///< null until the catalog is loaded
    const KioskServices& services;
    const CameraPreview& preview;
    std::chrono::sys_seconds wallNow;      ///< for the header clock and days left (shown at the office's zone)
    double lookupSeconds = 0.0;            ///< how long the lookup on screen has run (spinner)
    int idleSecondsShown = -1;             ///< the idle warning's countdown; -1: no warning
};

class ScreenHost {
public:
    /// Draws the screen `in.flow` names (and the idle warning over it).
    /// @return what the citizen did this frame, if anything
    std::optional<ui::UiEvent> draw(const ScreenInputs& in);

    /// What the "Nghe" button reads on the screen `in.flow` names (Result, Problem), built from the same
    /// view model the screen draws; std::nullopt on other screens.
    [[nodiscard]] static std::optional<std::string> spokenText(const ScreenInputs& in);

    /// The header's clock text ("14:05") at `wallNow` in the office's zone: the loop redraws when it changes.
    static std::string clockText(std::chrono::sys_seconds wallNow, const core::TimeZone& zone);

    /// The header band's texts and the accessibility switches (the staff screens share it).
    static ui::Chrome chrome(const ScreenInputs& in);

private:
    std::optional<ui::UiEvent> drawGuidance(const ScreenInputs& in, const ui::Chrome& chrome);
    static ui::ResultOptions resultOptions(const ScreenInputs& in);
    static std::string printMessage(const ScreenInputs& in);

    std::string m_guideQueryTimed;  // the last query whose search time was logged (debug figure)
};

}  // namespace kiosk::app
