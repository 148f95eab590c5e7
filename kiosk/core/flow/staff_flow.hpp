#pragma once
// Staff mode and the setup screen as part of the flow (kiosk/core/flow/flow.hpp): what staff typed,
// which page they are on, their pending setting edits and the outcome of what they asked for. Like
// the citizen session it lives in FlowState, is stepped by the pure step() and is wiped when staff
// mode ends. The app runs the slow parts (PIN hashing, files, the network, the printer) on workers
// and answers with StaffAction events.
//
//   gesture -> StaffPin -(PIN ok)-> StaffMenu {Device | Settings | Audit | Power | Pin | Provision}
//            ^ locked: the pad shows the time left                  -> StaffExit or idle -> Attract
//   no backend (provisioning.setup_screen) -> Setup -(QR, enrolment)-> new PIN -> reload -> Attract

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/receipt/receipt.hpp"
#include "kiosk/core/staff/audit.hpp"
#include "kiosk/core/staff/pin.hpp"
#include "kiosk/core/staff/settings_editor.hpp"

namespace kiosk::core {

/// The pages of staff mode (the tabs on the left of every staff page).
enum class StaffPage { Device, Settings, Audit, Power, Pin, Provision };

/// Stable name ("device", ...): test control and translation keys ("staff.page.device").
std::string_view toString(StaffPage page);

/// A question staff must confirm before it happens.
enum class StaffDialog { None, Restart, Shutdown, Reboot };

/// Where a slow staff task stands.
enum class StaffTask { Idle, Running, Done, Failed };

/// A code read on the device page (camera or scanner test): shown, never looked up. `shown` is the
/// dossier code, "token" for a receipt token link (a token is never shown) or the NotReceiptReason's
/// name; raw text is never kept.
struct StaffRead {
    bool camera = true;  ///< read by the camera (else a scanner)
    std::string shown;
    int count = 0;  ///< reads so far on this visit (shows that a new read arrived)
    friend bool operator==(const StaffRead&, const StaffRead&) = default;
};

/// Entering a new PIN twice.
struct NewPinState {
    std::string first;    ///< digits, kept until the confirmation (wiped with staff mode)
    std::string digits;   ///< what the pad holds now
    bool confirming = false;
    std::optional<PinWeakness> weakness;  ///< why the first entry was refused
    bool mismatch = false;                ///< the confirmation differed: start again
    StaffTask task = StaffTask::Idle;     ///< saving the hash
    friend bool operator==(const NewPinState&, const NewPinState&) = default;
};

/// A scanned provisioning code, checked, waiting for staff to confirm it.
struct ProvisioningState {
    std::string text;                  ///< the document (holds the one-time enrolment code)
    std::string kioskId;
    std::string officeName;
    std::string backendUrl;
    std::vector<std::string> problems; ///< FILE:LINE: KEY: message of a bad code (then it cannot be applied)
    StaffTask task = StaffTask::Idle;  ///< enrolling with the backend and writing the files
    std::string failure;               ///< why it failed (a kind name: "enrolment_used", "offline", ...)
    friend bool operator==(const ProvisioningState&, const ProvisioningState&) = default;
};

struct StaffState {
    // -- PIN pad (StaffPin)
    std::string pinDigits;     ///< never logged; wiped at submit
    bool pinChecking = false;  ///< the app is verifying (the pad waits)
    bool pinWrong = false;     ///< the last PIN was wrong (the pad says so)

    // -- staff mode (StaffMenu)
    StaffPage page = StaffPage::Device;
    StaffDialog dialog = StaffDialog::None;
    std::optional<StaffRead> lastRead;
    StaffTask backendTest = StaffTask::Idle;
    std::string backendTestDetail;      ///< the error kind after a failed test
    bool testPage = false;              ///< FlowState::print is about the staff test page
    StaffTask power = StaffTask::Idle;  ///< restart / shut down / reboot
    std::string powerDetail;

    // -- settings page
    std::string group;                  ///< the group shown ("" = the list of groups)
    std::string editingKey;             ///< the key in the editor ("" = none)
    std::string editText;               ///< the editor's text
    SettingsDraft draft;                ///< pending edits, saved together
    StaffTask save = StaffTask::Idle;
    std::string saveDetail;             ///< the first problem when a save was refused
    bool restartNeeded = false;         ///< a saved key applies only after a restart

    // -- new PIN (Pin page, and Setup after provisioning)
    NewPinState newPin;
    // -- provisioning (Provision page and Setup)
    std::optional<ProvisioningState> provisioning;

    friend bool operator==(const StaffState&, const StaffState&) = default;
};

// ---------------------------------------------------------------------------------------------
// Staff actions: what staff did (from the staff screens) and what the app's workers answered.
// ---------------------------------------------------------------------------------------------

namespace staff {
struct PinDigits { std::string digits; };       ///< the pad's whole text
struct PinSubmit {};
struct PageChosen { StaffPage page = StaffPage::Device; };
struct GroupChosen { std::string id; };          ///< "" = back to the list of groups
struct EditOpened { std::string key; std::string text; };  ///< the editor opens on a value
struct EditText { std::string text; };
struct EditClosed { bool keep = false; };        ///< keep: the text becomes a pending edit
struct ResetToFleet { std::string key; };        ///< pending: the key leaves the local file
struct DraftDiscarded {};
struct SaveRequested {};
struct SaveFinished { bool ok = false; bool restartNeeded = false; std::string detail; };
struct BackendTestRequested {};
struct BackendTestFinished { bool ok = false; std::string detail; };
struct TestPageRequested {};
struct DialogOpened { StaffDialog dialog = StaffDialog::None; };
struct DialogAnswered { bool yes = false; };
struct PowerFinished { bool ok = false; std::string detail; };
struct NewPinDigits { std::string digits; };
struct NewPinSubmit {};
struct NewPinCancelled {};
struct PinSaved { bool ok = false; };
struct KeepCurrentPin {};                        ///< Setup: a PIN is already set; skip setting one
struct ProvisioningScanned { std::string text; };  ///< a provisioning QR's document text
struct ProvisioningConfirmed {};
struct ProvisioningDismissed {};
struct ProvisioningFinished { bool ok = false; std::string failure; };
/// The app rebuilt its services from new settings (FlowConfig may have changed).
struct SettingsReloaded {};
}  // namespace staff

using StaffAction =
    std::variant<staff::PinDigits, staff::PinSubmit, staff::PageChosen, staff::GroupChosen, staff::EditOpened,
                 staff::EditText, staff::EditClosed, staff::ResetToFleet, staff::DraftDiscarded, staff::SaveRequested,
                 staff::SaveFinished, staff::BackendTestRequested, staff::BackendTestFinished,
                 staff::TestPageRequested, staff::DialogOpened, staff::DialogAnswered, staff::PowerFinished,
                 staff::NewPinDigits, staff::NewPinSubmit, staff::NewPinCancelled, staff::PinSaved,
                 staff::KeepCurrentPin, staff::ProvisioningScanned, staff::ProvisioningConfirmed,
                 staff::ProvisioningDismissed, staff::ProvisioningFinished, staff::SettingsReloaded>;

// ---------------------------------------------------------------------------------------------
// Staff tasks: what the app must do for staff mode (each answers with a StaffAction, if any).
// ---------------------------------------------------------------------------------------------

namespace staff_task {
/// Verify off the UI thread; answer event::PinEntered.
struct VerifyPin { std::string pin; };
/// Persist the lockout (failures in a row, locked until) so it survives a restart.
struct RecordPinState { int failures = 0; std::optional<std::chrono::steady_clock::time_point> lockedUntil; };
/// Append to the audit log (entries only the flow knows of; the app audits what it does itself).
struct Audit { AuditAction action = AuditAction::StaffEntered; std::string detail; };
/// Staff mode opened: read the configuration files and the audit log for the pages (a worker).
struct LoadStaffData {};
/// Check and write the local overrides; answer SaveFinished.
struct SaveSettings { SettingsDraft draft; };
/// An authenticated request to the backend now; answer BackendTestFinished.
struct TestBackend {};
/// Print the test page; answer event::PrintFinished.
struct PrintTestPage {};
/// Hash and write the new PIN; answer PinSaved.
struct SetPin { std::string pin; };
/// Enrol with the backend and write config and token; answer ProvisioningFinished.
struct Provision { std::string text; };
/// Restart the kiosk program (staff confirmed).
struct RestartKiosk {};
/// Shut down or reboot the device (staff confirmed); answer PowerFinished.
struct PowerOff { bool reboot = false; };
}  // namespace staff_task

using StaffCommand = std::variant<staff_task::VerifyPin, staff_task::RecordPinState, staff_task::Audit,
                                  staff_task::LoadStaffData, staff_task::SaveSettings, staff_task::TestBackend,
                                  staff_task::PrintTestPage, staff_task::SetPin, staff_task::Provision,
                                  staff_task::RestartKiosk, staff_task::PowerOff>;

}  // namespace kiosk::core
