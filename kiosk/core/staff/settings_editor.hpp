#pragma once
// The settings as staff mode edits them: keys grouped as office staff think of them, the text an
// on-screen editor shows for a value, and the plan for saving a set of edits to the local overrides
// file. Every value is checked by the configuration loader itself (applyConfigText, crossCheck), so
// staff see exactly the messages of `kiosk check-config`.
//
// Pure: the files' texts are passed in and the new local file comes out as text; the app reads and
// writes the files on a worker (kiosk/app/staff/staff_service.hpp), atomically.

#include <expected>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/config/config_loader.hpp"

namespace kiosk::core {

/// One group of the staff settings page ("office", "screen", "backend", "printer", "camera" (with the
/// scanners), "receipt", "staff", "system"; "other" only for a section this file does not know).
struct SettingGroup {
    std::string id;                 ///< also the translation key suffix: "staff.settings.group.<id>"
    std::vector<std::string> keys;  ///< in the order shown
};

/// Every configuration key in exactly one group; keys this list does not name fall into their
/// section's group (or "other"), so a key added later still shows up.
std::vector<SettingGroup> settingGroups();

/// False for keys a local override may not change: operations.data_dir (it locates the local file
/// itself).
bool localOverrideAllowed(std::string_view key);

/// True when a changed value takes effect when staff mode reloads the services (language, idle time,
/// printer, backend, camera, ...); false when the kiosk must restart (window, fonts, folders, logging).
bool appliesWithoutRestart(std::string_view key);

/// The text an editor shows for a value as listConfig renders it (TOML): strings unquoted, lists
/// joined with ", ".
std::string editorText(const ConfigKeyInfo& info, std::string_view tomlValue);

/// The TOML value for what an editor holds: strings quoted and escaped, lists split at commas.
/// @return the TOML text, or a message ("not a whole number") when the text cannot be that type
std::expected<std::string, std::string> tomlValueFor(const ConfigKeyInfo& info, std::string_view text);

/// Staff's pending edits: key -> the editor's text, or std::nullopt for "back to the fleet value"
/// (the key leaves the local file).
using SettingsDraft = std::map<std::string, std::optional<std::string>, std::less<>>;

/// The configuration files as they are now, and the run's command-line overrides.
struct ConfigTexts {
    std::string fleetName;                 ///< path, for messages and provenance
    std::optional<std::string> fleetText;  ///< absent: no fleet file
    std::string localName;
    std::optional<std::string> localText;  ///< absent: no local file yet
    /// key, value, option name (--backend ...): they still win over the local file after a save
    std::vector<std::tuple<std::string, std::string, std::string>> commandLine;
};

/// Defaults < fleet < local < command line, as the kiosk loads them (issues are dropped: the kiosk
/// started with these files).
LoadedSettings mergeConfigTexts(const ConfigTexts& texts);

/// One change a save makes, as the audit log records it.
struct SettingChange {
    std::string key;
    std::string from;  ///< TOML value before
    std::string to;    ///< TOML value after
    ConfigLayer fromLayer = ConfigLayer::Default;
    ConfigLayer toLayer = ConfigLayer::Default;
    bool needsRestart = false;
};

/// What saving a draft would do, or why it cannot.
struct SavePlan {
    std::map<std::string, std::string, std::less<>> problems;  ///< key -> check-config's message
    std::vector<std::string> otherProblems;  ///< problems not tied to an edited key (formatted issues)
    std::string localText;                   ///< the new local file (when there are no problems)
    std::vector<SettingChange> changes;      ///< what differs afterwards, in documentation order
    LoadedSettings result;                   ///< the merged settings afterwards
    [[nodiscard]] bool ok() const { return problems.empty() && otherProblems.empty(); }
};

/// Plans saving @p draft on top of @p texts: the local file keeps its other keys, gains or changes
/// the edited ones and loses the reset ones; the whole is checked like the kiosk checks it at start.
SavePlan planLocalSave(const ConfigTexts& texts, const SettingsDraft& draft);

/// Plans adding every key of a TOML document (a provisioning document's configuration) to the local
/// overrides, checked like planLocalSave; the document's problems are `otherProblems`.
/// @param extraName the document's name in messages ("provisioning")
SavePlan planLocalMerge(const ConfigTexts& texts, std::string_view extraToml, std::string_view extraName);

}  // namespace kiosk::core
