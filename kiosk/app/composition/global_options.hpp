#pragma once
// The options every subcommand and the kiosk itself take, before or after the subcommand's name
// (`kiosk --config F lookup CODE` and `kiosk lookup CODE --config F` are the same).

#include <optional>
#include <string>

namespace kiosk::app {

struct GlobalOptions {
    std::optional<std::string> configPath;  ///< --config FILE (default: the fleet file /etc/kiosk/kiosk.toml)
    bool windowed = false;                  ///< --windowed: a normal window for development
    std::string windowSize = "1280x720";    ///< --window-size WxH, with --windowed
    std::optional<std::string> backend;     ///< --backend URL: overrides backend.url for one run
    std::optional<std::string> tokenFile;   ///< --token-file FILE: overrides backend.token_file for one run
    std::optional<std::string> printer;     ///< --printer URI: overrides printer.uri for one run
};

}  // namespace kiosk::app
