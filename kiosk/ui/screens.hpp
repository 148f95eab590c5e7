#pragma once
// The citizen screens. Each draws one view for the current frame and returns what the citizen did,
// if anything. They keep no business state (only ImGui's own widget state, such as scroll offsets),
// so the app can redraw any screen from the flow state at any time.

#include <optional>

#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

/// Office name and clock, the invitation to scan, the camera area, type-the-code and guide buttons,
/// language, large-text and high-contrast switches.
std::optional<UiEvent> drawAttract(const AttractView& view);

/// The dossier-code keypad with live validation.
std::optional<UiEvent> drawManualEntry(const ManualEntryView& view);

/// Spinner and cancel while the backend answers.
std::optional<UiEvent> drawLookingUp(const LookingUpView& view);

/// The dossier: status card, explanation, dates, history, pickup, documents, fees, QR, rating.
std::optional<UiEvent> drawResult(const ResultView& view);

/// The backend does not know the code.
std::optional<UiEvent> drawNotFound(const NotFoundView& view);

/// The scanned or typed text is not a dossier code.
std::optional<UiEvent> drawInvalidCode(const InvalidCodeView& view);

/// The lookup failed (offline, timeout, server, ...): what to do now.
std::optional<UiEvent> drawProblem(const ProblemView& view);

/// Guidance home: topic tiles, the chosen topic's entries, the search field, back to Attract.
std::optional<UiEvent> drawGuidanceHome(const GuidanceHomeView& view);

/// Guidance search: the query, an on-screen keyboard (a-z, ă â đ ê ô ơ ư, space, backspace, clear)
/// and the live results the view carries.
std::optional<UiEvent> drawGuidanceSearch(const GuidanceSearchView& view);

/// Guidance detail: what it is for, who, online level, login, numbered steps, documents, fees,
/// time, result delivery, the service address as text and QR code, print (with a printer), back.
std::optional<UiEvent> drawGuidanceDetail(const GuidanceDetailView& view);

/// Drawn over the current screen after the idle time: a countdown and "I am still here".
std::optional<UiEvent> drawIdleWarning(const IdleWarningView& view);

}  // namespace kiosk::ui
