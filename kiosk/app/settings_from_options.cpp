#include "kiosk/app/settings_from_options.hpp"

#include <string>
#include <vector>

namespace kiosk::app {

core::Result<core::LoadedSettings> loadSettingsFor(const GlobalOptions& options) {
    core::ConfigFiles files;
    if (options.configPath) {
        files.fleetFile = *options.configPath;
        files.fleetExplicit = true;
    }
    core::ConfigReport report = core::loadConfig(files);
    auto apply = [&](const std::optional<std::string>& value, std::string_view key, std::string_view option) {
        if (!value) return;
        std::vector<core::ConfigIssue> more = core::applyOverride(report.loaded, key, *value, option);
        report.issues.insert(report.issues.end(), more.begin(), more.end());
    };
    apply(options.backend, "backend.url", "--backend");
    apply(options.tokenFile, "backend.token_file", "--token-file");
    apply(options.printer, "printer.uri", "--printer");
    if (report.ok()) return std::move(report.loaded);
    std::string message;
    for (const core::ConfigIssue& issue : report.issues) message += core::formatIssue(issue) + "\n";
    message.pop_back();
    return core::fail(core::ErrorKind::Config, std::move(message));
}

}  // namespace kiosk::app
