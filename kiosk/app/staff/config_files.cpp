#include "kiosk/app/staff/config_files.hpp"

#include <fstream>
#include <sstream>

namespace kiosk::app {
namespace {

std::optional<std::string> readIfPresent(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

core::ConfigTexts readConfigTexts(const GlobalOptions& options) {
    core::ConfigFiles files;
    if (options.configPath) {
        files.fleetFile = *options.configPath;
        files.fleetExplicit = true;
    }
    core::ConfigTexts texts;
    texts.fleetName = files.fleetFile;
    texts.fleetText = readIfPresent(files.fleetFile);
    core::LoadedSettings afterFleet = core::defaultSettings();
    if (texts.fleetText) core::applyConfigText(afterFleet, *texts.fleetText, texts.fleetName, core::ConfigLayer::Fleet);
    texts.localName = core::localFileFor(files, afterFleet.settings);
    texts.localText = readIfPresent(texts.localName);
    if (options.backend) texts.commandLine.emplace_back("backend.url", *options.backend, "--backend");
    if (options.tokenFile) texts.commandLine.emplace_back("backend.token_file", *options.tokenFile, "--token-file");
    if (options.printer) texts.commandLine.emplace_back("printer.uri", *options.printer, "--printer");
    return texts;
}

}  // namespace kiosk::app
