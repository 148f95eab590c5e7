#pragma once
// What each citizen screen shows, as plain values the app fills from the flow state, and what the
// citizen did (UiEvent) as the screens report it. Screens hold no business state: they draw a view
// and return at most one UiEvent per frame; the app turns it into a flow event.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/api/lookup_error.hpp"
#include "kiosk/core/config/setting_choices.hpp"
#include "kiosk/core/dossier/dossier_answer.hpp"
#include "kiosk/core/i18n/language.hpp"

namespace kiosk::ui {

class Strings;

/// The kiosk's one Language type (kiosk/core/i18n/language.hpp).
using Language = core::Language;

/// How a dossier status looks: colour and icon together (never colour alone). Core decides it
/// (kiosk/core/dossier/dossier_answer.hpp), the screens draw it.
using StatusTone = core::StatusTone;

/// Shared by every screen: the texts, the office band and the accessibility switches.
struct Chrome {
    const Strings* text = nullptr;  ///< never null when drawing
    std::string officeName;
    std::string clock;              ///< "14:05"
    std::string date;               ///< "Thứ Bảy, 28/11/2026"
    Language language = Language::Vi;
    bool largeText = false;
    bool highContrast = false;
    bool showLanguageSwitch = true;  ///< ui.show_english_switch: the Tiếng Việt / English buttons
};

/// Where the camera sits, so the attract screen can point at it (ui.camera_position).
/// Where the camera is (ui.camera_position).
using CameraPlace = core::CameraPosition;

struct AttractView {
    Chrome chrome;
    bool cameraAvailable = false;  ///< a camera is configured and working: "hold the receipt in front of it"
    CameraPlace cameraPlace = CameraPlace::Above;
    bool guideAvailable = true;    ///< the online-services guide button
    void* previewTexture = nullptr;  ///< camera preview (an ImTextureID), drawn fitted into the camera area
    int previewWidth = 0;            ///< preview size in pixels, for its aspect ratio
    int previewHeight = 0;
    /// Corners of the code the camera just detected, flashed over the preview: x0,y0,...,x3,y3 as
    /// fractions of the preview (0..1). Empty: nothing to flash.
    std::vector<float> detectedOutline{};
};

struct ManualEntryView {
    Chrome chrome;
    std::string symbols;  ///< what was typed, without separators ("0000006H56231027036")
};

struct LookingUpView {
    Chrome chrome;
    std::string code;
    double elapsedSeconds = 0.0;  ///< drives the spinner
};

/// The Result screen: the citizen's answer (core builds it for screen, slip and voice alike) and
/// what the session can do with it.
struct ResultView {
    Chrome chrome;
    core::DossierAnswer answer;
    bool printerAvailable = false;
    /// Printing, printed, or why it failed, in plain words: a status line under Print ("" = not
    /// pressed yet). The button stays while a message shows, even if the printer is now known out.
    std::string printMessage{};
    bool printBusy = false;      ///< a slip is being printed: Print is disabled
    bool printFailed = false;    ///< printMessage is a failure (drawn as a warning)
    /// The rating is asked only for finished dossiers (statuses 9-10) or after a print.
    bool askRating = false;
    std::optional<int> rating;   ///< 0 Rất hài lòng, 1 Hài lòng, 2 Không hài lòng, once chosen
    bool speechAvailable = false;///< audio.enabled: the "Nghe" button
    bool speaking = false;       ///< the status is being read aloud: the button says "Dừng"
};

struct NotFoundView {
    Chrome chrome;
    std::string code;
};

struct InvalidCodeView {
    Chrome chrome;
    std::string reason;  ///< NotReceiptReason name: "bad_code_format", "untrusted_host", ...
};

struct ProblemView {
    Chrome chrome;
    core::LookupErrorKind kind = core::LookupErrorKind::Offline;
    bool speechAvailable = false;  ///< audio.enabled: the "Nghe" button
    bool speaking = false;
};

struct IdleWarningView {
    Chrome chrome;
    int secondsLeft = 0;
};

// -- Guidance ("Do it online") pages. Texts are in the chosen language already
//    (kiosk/ui/guidance_view_builder.hpp fills them from the catalog); headings come from Strings.

/// A category / life-event tile on the guidance home page.
struct GuideTile {
    std::string id;    ///< category id; empty for the "All" tile
    std::string name;
    int entries = 0;   ///< how many entries it holds
};

/// One tappable entry in a guidance list (home page or search results).
struct GuideRow {
    std::string id;     ///< catalog entry id
    std::string title;
    std::string detail; ///< "Tư pháp và chứng thực · Làm hoàn toàn trực tuyến"
};

struct GuidanceHomeView {
    Chrome chrome;
    std::vector<GuideTile> tiles;     ///< "All" first, then the categories with entries, catalog order
    std::string selectedCategory;     ///< id of the chosen tile; empty = All
    std::string listTitle;            ///< the chosen category's name, or "All procedures and guides"
    std::vector<GuideRow> entries;    ///< entries of the chosen category, catalog order
    bool available = true;            ///< false: the catalog is empty ("not available, ask staff")
};

struct GuidanceSearchView {
    Chrome chrome;
    std::string query;              ///< what was typed (UTF-8, may hold ă â đ ê ô ơ ư)
    std::vector<GuideRow> results;  ///< best first; empty for an empty query or no match
};

/// Where printing a guidance slip stands (mirrors core::flow::PrintStatus).
enum class PrintProgress { Idle, Printing, Printed, Failed };

struct GuidanceDetailView {
    Chrome chrome;
    std::string id;
    std::string title;
    std::string category;        ///< category name, shown above the title
    bool guide = false;          ///< a general guide rather than a procedure
    bool fullyOnline = true;     ///< procedures: toàn trình
    std::string onlineNote;      ///< partial: what still needs a visit
    std::string summary;         ///< what it is for
    std::string who;             ///< empty for guides
    std::string login;
    std::vector<std::string> steps;      ///< without numbers: the screen numbers them
    std::vector<std::string> documents;  ///< empty for guides
    std::string fees;
    std::string payment;
    std::string processingTime;
    std::string result;          ///< how the result is delivered
    std::string notes;           ///< optional
    std::string url;             ///< shown as text and as a QR code
    bool printerAvailable = false;  ///< the Print guidance button is shown only then
    PrintProgress print = PrintProgress::Idle;
};

/// What the citizen did on a screen.
namespace act {
struct StartManualEntry {};
struct OpenGuide {};
struct SetLanguage { Language language; };
struct ToggleLargeText {};
struct ToggleHighContrast {};
struct EditCode { std::string symbols; };   ///< the keypad changed the typed code
struct SubmitCode { std::string code; };    ///< formatted code, as typed
struct Back {};                             ///< leave the screen (manual entry, not found, problem)
struct CancelLookup {};
struct Done {};                             ///< end the session, back to Attract
struct Print {};
struct Rate { int level; };                 ///< 0 very satisfied, 1 satisfied, 2 not satisfied
struct Retry {};
struct StillHere {};                        ///< dismiss the idle warning
struct EndSession {};                       ///< idle warning: "Kết thúc", end and wipe now
struct Speak {};                            ///< "Nghe": read the status aloud (again: stop)
struct OpenGuideCategory { std::string id; };  ///< guidance home: a tile; empty id = All
struct OpenGuideSearch {};                  ///< guidance home: the search field
struct EditGuideQuery { std::string text; };///< guidance search: the keyboard changed the query (whole new text)
struct OpenGuideEntry { std::string id; };  ///< a row of the home list or of the search results
struct PrintGuide {};                       ///< guidance detail: Print guidance
}  // namespace act

using UiEvent = std::variant<act::StartManualEntry, act::OpenGuide, act::SetLanguage, act::ToggleLargeText,
                             act::ToggleHighContrast, act::EditCode, act::SubmitCode, act::Back, act::CancelLookup,
                             act::Done, act::Print, act::Rate, act::Retry, act::StillHere, act::EndSession, act::Speak,
                             act::OpenGuideCategory, act::OpenGuideSearch, act::EditGuideQuery,
                             act::OpenGuideEntry, act::PrintGuide>;

}  // namespace kiosk::ui
