#pragma once
// Loading, validating and explaining the kiosk configuration.
//
// Layers, lowest first: the compiled-in defaults (Settings{}), the fleet-managed file
// (/etc/kiosk/kiosk.toml), the local overrides file that staff mode writes (/var/lib/kiosk/local.toml),
// and one-run command-line overrides (--backend, --token-file, --printer). A later layer wins key by key,
// and every key remembers which layer (and file and line) its value came from.
//
// Validation never stops at the first problem: every unknown key, wrong type, out-of-range value, bad
// URL or enum value, syntax error and unreadable file is reported as a ConfigIssue with file, line and key.
// See docs/configuration.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <map>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/config/settings.hpp"

namespace kiosk::core {

inline constexpr std::string_view kDefaultFleetConfigPath = "/etc/kiosk/kiosk.toml";
inline constexpr std::string_view kDefaultLocalConfigPath = "/var/lib/kiosk/local.toml";

/// Largest configuration file read; larger files are refused before reading (a kiosk's file is a few KB).
inline constexpr std::size_t kMaxConfigFileBytes = std::size_t{1024} * 1024;

/// Which layer a value came from.
enum class ConfigLayer { Default, Fleet, Local, CommandLine };

/// "default", "fleet", "local" or "command-line".
std::string_view toString(ConfigLayer layer);

/// One problem found in a configuration file.
struct ConfigIssue {
    std::string file;     ///< the file (or "--backend" etc. for a command-line override)
    int line = 0;         ///< 1-based line; 0 when the problem concerns the whole file
    std::string key;      ///< dotted key ("backend.url"); "(file)" or "(syntax)" for file-level problems
    std::string message;  ///< what is wrong and, for unknown keys, the closest known key
    friend bool operator==(const ConfigIssue&, const ConfigIssue&) = default;
};

/// `FILE:LINE: KEY: message`, the format of `kiosk check-config`.
std::string formatIssue(const ConfigIssue& issue);

/// Where the current value of one key came from.
struct KeySource {
    ConfigLayer layer = ConfigLayer::Default;
    std::string file;  ///< empty for Default; the option name for CommandLine
    int line = 0;
};

/// Settings plus the provenance of every key (all keys of knownConfigKeys() are present).
struct LoadedSettings {
    Settings settings;
    std::map<std::string, KeySource, std::less<>> sources;
};

/// Which files to layer. The local file is `<operations.data_dir>/local.toml`, data_dir as the fleet
/// layer sets it (see localFileFor), unless named explicitly. A missing fleet file is fine only when it is the default path; a file named
/// explicitly (kiosk --config FILE, check-config FILE) must exist. The same holds for the local file.
struct ConfigFiles {
    std::string fleetFile{kDefaultFleetConfigPath};
    bool fleetExplicit = false;
    std::string localFile{kDefaultLocalConfigPath};  ///< used as given only when localExplicit
    bool localExplicit = false;
    bool useLocal = true;  ///< false: skip the local layer (check-config checks one file)
};

/// The outcome of loading: the merged settings (defaults where a value was rejected) and every issue.
struct ConfigReport {
    LoadedSettings loaded;
    std::vector<ConfigIssue> issues;
    bool ok() const { return issues.empty(); }
};

/// The local overrides file for @p files: `localFile` when named explicitly, else `local.toml` in the
/// data folder the fleet layer chose (`/var/lib/kiosk/local.toml` by default). Staff mode writes there.
/// @param afterFleet the settings once defaults and the fleet file are applied
std::string localFileFor(const ConfigFiles& files, const Settings& afterFleet);

/// What kind of value a key takes (for editors that must offer the right control).
enum class ConfigValueType { Text, Integer, Boolean, TextList, Choice };

/// A key's type and limits, as the loader checks them.
struct ConfigKeyInfo {
    std::string key;
    ConfigValueType type = ConfigValueType::Text;
    std::int64_t min = 0;  ///< Integer: min == max == 0 means no range
    std::int64_t max = 0;
    std::vector<std::int64_t> intChoices;  ///< Integer: the only values allowed (printer.width_dots), if any
    std::vector<std::string> choices;      ///< Choice: the names, in documentation order
    bool secret = false;                   ///< never shown, never written to an audit entry
};

/// @return the key's type and limits, or std::nullopt for an unknown key
std::optional<ConfigKeyInfo> configKeyInfo(std::string_view key);

/// Every dotted key the configuration knows, in documentation order ("office.name", ...).
const std::vector<std::string>& knownConfigKeys();

/// Defaults only, every key's source = Default.
LoadedSettings defaultSettings();

/// Loads and validates the layers named by @p files.
/// @return the merged settings and every problem found (an empty list means valid)
ConfigReport loadConfig(const ConfigFiles& files);

/// Applies one TOML document as a layer on top of @p loaded (used by loadConfig, tests and staff mode).
/// A document over kMaxConfigFileBytes, or one whose keys or brackets nest too deep for the parser's
/// recursion, is refused whole before toml++ sees it.
/// @param text       the TOML document
/// @param sourceName file name used in issues and provenance
/// @param layer      Fleet or Local
/// @return the issues found in this document; valid keys are applied even when others are not
std::vector<ConfigIssue> applyConfigText(LoadedSettings& loaded, std::string_view text,
                                         std::string_view sourceName, ConfigLayer layer);

/// Applies a one-run override given as text (e.g. --backend URL -> "backend.url"), validated like a
/// file value. @param optionName is recorded as the source ("--backend").
std::vector<ConfigIssue> applyOverride(LoadedSettings& loaded, std::string_view key, std::string_view value,
                                       std::string_view optionName);

/// Checks between keys that a single value cannot show (idle_warning_s < idle_timeout_s, a client key
/// with its certificate, ...). Reported at the later-layer key's file and line.
std::vector<ConfigIssue> crossCheck(const LoadedSettings& loaded);

/// One line of `config show`: key, value as TOML text, and its source.
struct ConfigEntry {
    std::string key;
    std::string value;  ///< TOML rendering; the PIN hash is shown only as "(set)" / "(not set)"
    KeySource source;
};

/// All keys with value and source, in documentation order.
std::vector<ConfigEntry> listConfig(const LoadedSettings& loaded);

/// Renders the given keys of @p settings as a TOML document (what staff mode writes to local.toml).
/// @return the document, or an Error naming the first unknown key
Result<std::string> renderOverrides(const Settings& settings, const std::vector<std::string>& keys);

/// loadConfig, then an Error (kind Config) whose message holds every issue, one formatted line each.
Result<LoadedSettings> loadSettings(const ConfigFiles& files);

}  // namespace kiosk::core
