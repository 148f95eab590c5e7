#pragma once
// The kiosk's screens as one pure state machine (docs/architecture.md, "The flow"):
//   step(state, event, now) -> Transition{state, commands}.
// The UI draws FlowState and posts Events; the app posts events from workers (lookup finished,
// print finished) and runs the returned Commands. Time is passed in, never read, so idle timeouts
// are testable. Nothing here touches a clock, a thread, the network or ImGui.
//
// Citizen session: Attract -> (scan | ManualEntry -> typed) -> LookingUp -> Result | NotFound |
// InvalidCode | Problem -> Done -> Attract. Guidance is browsed from Attract. Idle: after
// FlowConfig::idleSeconds without activity a warning with a countdown; after warningSeconds more, a
// reset to Attract that wipes every trace of the session (dossier, error, rating, typed text via
// WipeSession, language and accessibility back to the office's defaults).
//
// FlowState holds the whole citizen session: what was read or typed, the result, the guide's chosen
// topic and search text, print and rating progress. The app keeps no session state of its own.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/core/api/api_messages.hpp"
#include "kiosk/core/flow/staff_flow.hpp"
#include "kiosk/core/api/lookup_error.hpp"
#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/core/i18n/language.hpp"
#include "kiosk/core/printer/print_failure.hpp"
#include "kiosk/core/receipt/receipt.hpp"

namespace kiosk::core {

/// Monotonic time as the app reads it (steady_clock); core never calls now().
using TimePoint = std::chrono::steady_clock::time_point;

// ---------------------------------------------------------------------------------------------
// [SECTION] State
// ---------------------------------------------------------------------------------------------

enum class Screen {
    Attract,      ///< invitation to scan; language and accessibility switches
    ManualEntry,  ///< on-screen keypad for the dossier code
    LookingUp,    ///< spinner + cancel while the backend answers
    Result,       ///< the dossier's status
    NotFound,     ///< the backend does not know the code
    InvalidCode,  ///< the text read is not a receipt (FlowState::invalidReason says why)
    Problem,      ///< the lookup failed (FlowState::error says how)
    Guidance,     ///< online-services guide (FlowState::guidance says which page)
    StaffPin,     ///< staff PIN entry (FlowState::staff; a running lockout shows its time left)
    StaffMenu,    ///< staff mode: FlowState::staff.page says which page (kiosk/core/flow/staff_flow.hpp)
    Setup,        ///< a kiosk without a backend: what is missing, scan a provisioning QR, set a PIN
};

/// Stable name of a screen ("Attract", "Result", ...) for logs and the test control.
std::string_view toString(Screen screen);

/// Where a receipt reading came from. Camera and scanner readings are de-duplicated (a receipt held
/// under the camera is seen many times); typed ones never are.
enum class InputSource { Camera, Scanner, Keypad };

enum class GuidancePage { Home, Search, Detail };

/// Printing is a sub-state of Result (status slip) and Guidance detail (guidance slip).
enum class PrintStatus { Idle, Printing, Printed, Failed };

/// The string-table key of the status line shown under Print while a slip prints and once it printed
/// ("flow.print.printing", "flow.print.done"); empty for Idle (no line) and Failed (its line is
/// translationKey(PrintFailure)). The screen and the room it keeps for the line both read it here.
std::string_view translationKey(PrintStatus status);

// RatingLevel (Rất hài lòng, Hài lòng, Không hài lòng) is the API's (kiosk/core/api/api_messages.hpp):
// one type from the touch to the POST body.

enum class RatingStatus { NotRated, Sending, Sent, Failed };

struct GuidanceState {
    GuidancePage page = GuidancePage::Home;
    std::string entryId;                        ///< catalog id on the Detail page
    GuidancePage backTo = GuidancePage::Home;   ///< where Back leads from Detail
    std::string category;                       ///< the home page's chosen topic; empty = all
    std::string query;                          ///< typed on the search page
    friend bool operator==(const GuidanceState&, const GuidanceState&) = default;
};

/// Fixed for the life of the process; filled from configuration by the app.
struct FlowConfig {
    int idleSeconds = 60;         ///< inactivity before the idle warning appears
    int warningSeconds = 15;      ///< countdown shown before the reset
    int dedupeSeconds = 10;       ///< the same scanned code within this time is ignored
    int lookupTimeoutSeconds = 30;///< safety net over the client's own timeouts: then Problem/Timeout
    int pinMaxAttempts = 5;       ///< wrong PINs before staff entry is locked
    int pinLockoutSeconds = 300;  ///< how long it stays locked
    Language defaultLanguage = Language::Vi;
    bool defaultLargeText = false;     ///< the office's text size for every session (ui.large_text)
    bool defaultHighContrast = false;  ///< the office's contrast for every session (ui.high_contrast)
    std::string instanceId = "kiosk";  ///< unique per process start (the app makes it); prefixes rating keys
    bool staffPinSet = false;     ///< a PIN hash exists: the staff gesture opens the pad only then
    int staffIdleSeconds = 120;   ///< staff mode (pad or pages) closes itself after this long untouched
    bool setupRequired = false;   ///< no backend configured and provisioning.setup_screen: start on Setup
};

struct FlowState {
    Screen screen = Screen::Attract;
    Language language = Language::Vi;
    bool largeText = false;
    bool highContrast = false;

    // -- the current session (all wiped at reset) --
    std::uint64_t sessionId = 1;           ///< increments at every reset; part of rating idempotency keys
    std::uint64_t lookupRequestId = 0;     ///< id of the latest StartLookup; older answers are ignored
    std::optional<ReceiptReading> reading; ///< what is (or was last) looked up: DossierCode or ReceiptToken
    InputSource readingSource = InputSource::Keypad;
    std::string typedSymbols;              ///< on the keypad, without separators; kept for a correction after NotFound
    std::optional<TimePoint> lookupDeadline;  ///< LookingUp gives up after this
    std::optional<Dossier> dossier;           ///< on Result
    std::optional<NotReceiptReason> invalidReason;  ///< on InvalidCode
    std::optional<LookupError> error;               ///< on Problem
    GuidanceState guidance;                         ///< on Guidance
    PrintStatus print = PrintStatus::Idle;
    std::optional<PrintFailure> printFailure;  ///< why, when print == Failed
    RatingStatus rating = RatingStatus::NotRated;
    std::optional<RatingLevel> ratingLevel;

    // -- idle --
    TimePoint lastActivity{};
    std::optional<TimePoint> idleWarningDeadline;  ///< set while the idle warning is shown

    // -- scanned-code de-duplication: survives every reset while the receipt is still in view (read
    //    within FlowConfig::dedupeSeconds, each read refreshing it); a tick forgets it after that --
    std::string lastScanKey;  ///< dossier code or token last read by camera/scanner
    TimePoint lastScanAt{};

    // -- staff --
    int pinFailures = 0;                     ///< wrong PINs in a row (kept across sessions and restarts)
    std::optional<TimePoint> pinLockedUntil;
    StaffState staff;                        ///< the staff pages and setup (wiped when staff mode ends)
};

/// A fresh state on Attract with the office's default language and accessibility settings.
FlowState initialFlowState(const FlowConfig& config, TimePoint now);

/// True when nothing differs from a fresh Attract (no session, no warning, no lockout running, the
/// office's defaults, no scanned code remembered): time then has nothing to do, and the app need not
/// tick the flow.
bool isPristine(const FlowState& state, const FlowConfig& config);

/// isPristine, except that a scanned code may still be remembered (a receipt still in view): nothing
/// to wipe, only the de-duplication to let run out.
bool isPristineButForScan(const FlowState& state, const FlowConfig& config);

/// Whole seconds left on the idle warning countdown (rounded up), or std::nullopt when no warning
/// is shown.
std::optional<int> idleWarningSecondsLeft(const FlowState& state, TimePoint now);

// ---------------------------------------------------------------------------------------------
// [SECTION] Events (posted by the UI, or by the app from worker results)
// ---------------------------------------------------------------------------------------------

namespace event {
/// The app called readReceipt on scanned or typed text and posts the reading.
struct ReceiptRead { ReceiptReading reading; InputSource source = InputSource::Keypad; };
/// The keypad opens: from Attract with an empty code; from NotFound/InvalidCode/Problem with the code
/// typed before, to correct it.
struct ManualEntryOpened {};
/// The keypad changed the typed code (symbols without separators).
struct CodeEdited { std::string symbols; };
/// Back button; on LookingUp it cancels the lookup.
struct Back {};
/// Done button: ends the session (wipes it) and returns to Attract.
struct Done {};
/// Try again after a Problem: repeats the last lookup.
struct Retry {};
struct LookupSucceeded { std::uint64_t requestId = 0; Dossier dossier; };
struct LookupFailed { std::uint64_t requestId = 0; LookupError error; };
struct PrintRequested {};
/// A print job ended: printed when `failure` is empty.
struct PrintFinished { std::optional<PrintFailure> failure; };
struct RatingChosen { RatingLevel level = RatingLevel::Satisfied; };
/// The rating was delivered or durably queued (ok) or could not even be queued.
struct RatingSent { bool ok = false; };
struct GuidanceOpened {};
struct GuidanceSearchOpened {};
struct GuidanceEntryOpened { std::string id; };
/// Guidance home: a topic tile (empty id = all topics).
struct GuidanceCategoryChosen { std::string id; };
/// Guidance search: the keyboard changed the query (the whole new text).
struct GuidanceQueryEdited { std::string text; };
struct LanguageChosen { Language language = Language::Vi; };
struct LargeTextToggled {};
struct HighContrastToggled {};
/// Any touch, key or scroll: keeps the session alive and dismisses the idle warning.
struct UserActivity {};
/// Time passes (the app posts it at least once a second while not on a pristine Attract).
struct Tick {};
struct StaffGestureDetected {};
/// The app verified the PIN (verification is not the flow's business) and posts the outcome.
struct PinEntered { bool ok = false; };
struct StaffExit {};
/// Something on a staff page or setup, or a staff task's answer (kiosk/core/flow/staff_flow.hpp).
struct Staff { StaffAction action; };
}  // namespace event

using Event = std::variant<event::ReceiptRead, event::ManualEntryOpened, event::CodeEdited, event::Back, event::Done,
                           event::Retry, event::LookupSucceeded, event::LookupFailed, event::PrintRequested,
                           event::PrintFinished, event::RatingChosen, event::RatingSent,
                           event::GuidanceOpened, event::GuidanceSearchOpened, event::GuidanceEntryOpened,
                           event::GuidanceCategoryChosen, event::GuidanceQueryEdited,
                           event::LanguageChosen, event::LargeTextToggled, event::HighContrastToggled,
                           event::UserActivity, event::Tick, event::StaffGestureDetected, event::PinEntered,
                           event::StaffExit, event::Staff>;

// ---------------------------------------------------------------------------------------------
// [SECTION] Commands (run by the app)
// ---------------------------------------------------------------------------------------------

namespace command {
/// Look up a DossierCode, or resolve a ReceiptToken and look up its dossier, off the UI thread;
/// answer with LookupSucceeded / LookupFailed carrying the same requestId.
struct StartLookup { std::uint64_t requestId = 0; ReceiptReading reading; };
struct CancelLookup { std::uint64_t requestId = 0; };
struct PrintStatusSlip { Dossier dossier; Language language = Language::Vi; };
struct PrintGuidanceSlip { std::string entryId; Language language = Language::Vi; };
struct SendRating { std::string dossierCode; RatingLevel level = RatingLevel::Satisfied; std::string idempotencyKey; };
/// The session ended: the UI drops every texture (QR), text buffer (typed code, search) and cached
/// string that came from it.
struct WipeSession {};
/// Staff mode was left, or settings were saved: rebuild services from the (possibly changed) settings,
/// then post staff::SettingsReloaded.
struct ReloadSettings {};
/// A staff task (kiosk/core/flow/staff_flow.hpp).
struct Staff { StaffCommand task; };
}  // namespace command

using Command = std::variant<command::StartLookup, command::CancelLookup, command::PrintStatusSlip,
                             command::PrintGuidanceSlip, command::SendRating, command::WipeSession,
                             command::ReloadSettings, command::Staff>;

struct Transition {
    FlowState state;
    std::vector<Command> commands;
};

/// The whole flow. Pure and total: any event in any state gives a valid state (events that do not
/// apply are ignored and leave the state unchanged).
/// @param state  the current state
/// @param event  what happened
/// @param now    the app's monotonic time when the event is handled
/// @param config timeouts and defaults
/// @return the next state and the commands the app must run, in order
Transition step(const FlowState& state, const Event& event, TimePoint now, const FlowConfig& config);

}  // namespace kiosk::core
