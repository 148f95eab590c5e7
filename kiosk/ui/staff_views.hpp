#pragma once
// What the staff screens and the setup screen show, as plain values the app fills (texts already in
// the staff's language), and what staff did (StaffUiEvent). Like the citizen screens they hold no
// business state: the app turns each StaffUiEvent into a flow event (kiosk/app/shell/staff_screens.cpp).
// Everything is by touch: large targets, a digit pad, steppers, lists and an on-screen keyboard.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

/// The staff pages (mirrors core::StaffPage).
enum class StaffTab { Device, Settings, Audit, Power, Pin, Provision };

/// How a line of the device page looks: a coloured dot next to the value (and words, never colour alone).
enum class Health { Good, Warning, Bad, Neutral };

/// Where a slow task stands (mirrors core::StaffTask).
enum class TaskState { Idle, Running, Done, Failed };

struct StaffLine {
    std::string label;
    std::string value;
    Health health = Health::Neutral;
};

/// The frame around every staff page: header, tabs on the left (top in portrait), exit.
struct StaffFrame {
    Chrome chrome;
    std::string title;   ///< the page's name in the header
    StaffTab tab = StaffTab::Device;
    std::vector<std::pair<StaffTab, std::string>> tabs;  ///< tab and its label, in order
    std::string exitLabel;
};

/// The PIN pad (StaffPin).
struct PinPadView {
    Chrome chrome;
    std::string title;        ///< "Staff PIN"
    std::string prompt;       ///< what to do, or why it is locked ("Locked: try again in 4:32")
    int digits = 0;           ///< typed so far (shown as dots)
    bool checking = false;    ///< the app verifies; the pad waits
    bool locked = false;      ///< no key works; Back does
    bool wrong = false;       ///< the last PIN was wrong (prompt says so, in red)
    std::string okLabel;
    std::string backLabel;
    std::string clearLabel;
    std::string deleteLabel;
};

struct DeviceView {
    StaffFrame frame;
    std::string systemTitle, backendTitle, cameraTitle, printerTitle, errorsTitle;
    std::vector<StaffLine> system;   ///< version, kiosk ID, office, uptime, IP address, time and zone, outbox
    std::vector<StaffLine> backend;  ///< reachable, round trip, last error, token
    std::string testBackendLabel;
    TaskState backendTest = TaskState::Idle;
    std::vector<StaffLine> camera;   ///< state, frames; the last code read (camera or scanner)
    void* previewTexture = nullptr;  ///< live camera preview (ImTextureID), or null
    int previewWidth = 0;
    int previewHeight = 0;
    std::vector<StaffLine> printer;  ///< paper, cover, online, last prints
    std::string testPageLabel;
    bool testPageEnabled = false;
    TaskState testPage = TaskState::Idle;
    std::vector<StaffLine> errors;   ///< kind, area and time; "none" line when empty
};

/// One setting on the settings page.
struct SettingRow {
    std::string key;        ///< dotted key, also the tap id ("set-ui.idle_timeout_s")
    std::string label;      ///< translated name (the key when there is none)
    std::string value;      ///< shown value (the pending one when edited)
    std::string source;     ///< "default", "fleet file", "local", "command line" (translated)
    bool pending = false;   ///< edited, not saved yet
    bool canReset = false;  ///< local (or pending) and not the fleet/default value: "back to fleet value"
    bool restart = false;   ///< applies after a restart only
    bool editable = true;
    std::string problem;    ///< check-config's message for the pending value
};

enum class EditorKind { Text, Number, Toggle, Choice, List };

/// The editor of one setting (over the settings page).
struct SettingEditor {
    std::string key;
    std::string label;
    std::string help;       ///< range, choices, "comma-separated", the layer it comes from
    EditorKind kind = EditorKind::Text;
    std::string text;       ///< the value being edited
    std::vector<std::pair<std::string, std::string>> choices;  ///< value, label (Toggle, Choice)
    long long min = 0, max = 0;  ///< Number: the range (min == max == 0: none)
    long long step = 1;     ///< Number: what the stepper adds
    std::string problem;    ///< check-config's message for `text`, "" when valid
    std::string keepLabel, cancelLabel, clearLabel, deleteLabel, spaceLabel, shiftLabel;
    bool shift = false;     ///< upper-case letters (the app keeps it)
};

struct SettingsView {
    StaffFrame frame;
    std::vector<std::pair<std::string, std::string>> groups;  ///< id, label
    std::string group;                  ///< the group shown
    std::vector<SettingRow> rows;
    std::string resetLabel;
    std::string saveLabel;              ///< "Save 2 changes"
    std::string discardLabel;
    bool canSave = false;
    std::string status;                 ///< saving, saved, refused: why, restart needed
    Health statusHealth = Health::Neutral;
    std::optional<SettingEditor> editor;
    std::string loadingText;            ///< shown until the files are read ("" once they are)
    std::string restartLabel;           ///< offered when a saved key needs a restart ("" = not offered)
    std::string question, yesLabel, noLabel;  ///< the restart confirmation, when asked
};

struct AuditView {
    StaffFrame frame;
    std::vector<StaffLine> entries;  ///< time as label, what happened as value; newest first
    std::string emptyText;
};

/// Restart, shut down, reboot (each confirmed).
struct PowerView {
    StaffFrame frame;
    std::string restartLabel, shutdownLabel, rebootLabel;
    bool shutdownAvailable = false, rebootAvailable = false;
    std::string note;                 ///< "saved settings need a restart", outcome of the last command
    Health noteHealth = Health::Neutral;
    std::string question;             ///< the confirmation asked, "" when none
    std::string yesLabel, noLabel;
};

/// Typing a new PIN twice (staff Pin page, and setup after provisioning).
struct NewPinView {
    std::string prompt;      ///< "Type the new PIN" / "Type it again" / why it was refused
    bool problem = false;    ///< prompt is a refusal (red)
    int digits = 0;
    TaskState saving = TaskState::Idle;
    std::string okLabel, clearLabel, deleteLabel, cancelLabel, keepLabel;
    bool offerKeep = false;  ///< setup: a PIN is already set, keeping it is allowed
};

/// A scanned provisioning code, or the invitation to scan one.
struct ProvisionView {
    std::string instructions;           ///< hold the QR under the camera / scanner
    bool offer = false;                 ///< a code was read
    std::vector<StaffLine> summary;     ///< kiosk ID, office, backend
    std::vector<std::string> problems;  ///< FILE:LINE: KEY: message (then it cannot be applied)
    TaskState task = TaskState::Idle;
    std::string status;                 ///< enrolling..., failed: why, done
    std::string applyLabel, dismissLabel;
};

struct StaffPinPageView {
    StaffFrame frame;
    NewPinView pin;
};

struct StaffProvisionPageView {
    StaffFrame frame;
    ProvisionView provision;
};

/// The setup screen of a kiosk without a backend.
struct SetupView {
    Chrome chrome;
    std::string title;
    std::string intro;
    std::vector<StaffLine> checklist;   ///< what is set and what is missing
    ProvisionView provision;
    std::optional<NewPinView> newPin;   ///< after provisioning: set the PIN
    void* previewTexture = nullptr;     ///< the camera, to aim the QR code
    int previewWidth = 0;
    int previewHeight = 0;
};

/// What staff did.
namespace staff_act {
struct Tab { StaffTab tab; };
struct Exit {};
struct PinKey { char key = '0'; };       ///< a digit (the screens never hold the PIN: the app appends it)
struct PinErase { bool all = false; };   ///< delete the last digit, or all
struct PinSubmit {};
struct PinBack {};
struct TestBackend {};
struct TestPage {};
struct Group { std::string id; };
struct EditSetting { std::string key; std::string text; };  ///< open the editor on a row
struct EditText { std::string text; };
struct ToggleShift {};
struct EditDone { bool keep = false; };
struct ResetSetting { std::string key; };
struct Save {};
struct Discard {};
enum class Power { Restart, Shutdown, Reboot };
struct AskPower { Power what; };
struct Answer { bool yes = false; };
struct NewPinKey { char key = '0'; };
struct NewPinErase { bool all = false; };
struct NewPinSubmit {};
struct NewPinCancel {};
struct KeepPin {};
struct ApplyProvisioning {};
struct DismissProvisioning {};
}  // namespace staff_act

using StaffUiEvent =
    std::variant<staff_act::Tab, staff_act::Exit, staff_act::PinKey, staff_act::PinErase, staff_act::PinSubmit, staff_act::PinBack,
                 staff_act::TestBackend, staff_act::TestPage, staff_act::Group, staff_act::EditSetting,
                 staff_act::EditText, staff_act::ToggleShift, staff_act::EditDone, staff_act::ResetSetting,
                 staff_act::Save, staff_act::Discard, staff_act::AskPower, staff_act::Answer, staff_act::NewPinKey,
                 staff_act::NewPinErase, staff_act::NewPinSubmit, staff_act::NewPinCancel, staff_act::KeepPin, staff_act::ApplyProvisioning,
                 staff_act::DismissProvisioning>;

// -- The staff screens (kiosk/ui/screen_staff_*.cpp). Each draws one view and returns what staff did.

std::optional<StaffUiEvent> drawPinPad(const PinPadView& view);
std::optional<StaffUiEvent> drawStaffDevice(const DeviceView& view);
std::optional<StaffUiEvent> drawStaffSettings(const SettingsView& view);
std::optional<StaffUiEvent> drawStaffAudit(const AuditView& view);
std::optional<StaffUiEvent> drawStaffPower(const PowerView& view);
std::optional<StaffUiEvent> drawStaffPin(const StaffPinPageView& view);
std::optional<StaffUiEvent> drawStaffProvision(const StaffProvisionPageView& view);
std::optional<StaffUiEvent> drawSetup(const SetupView& view);

}  // namespace kiosk::ui
