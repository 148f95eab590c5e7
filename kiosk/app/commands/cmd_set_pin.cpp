// `kiosk set-pin [--pin-file FILE]`: sets the staff PIN. Reads the new PIN (4-12 digits) from standard
// input: twice with the echo off when stdin is a terminal, once otherwise (a script pipes it). A weak
// PIN (one digit repeated, a run like 123456) is refused. The argon2id hash is written atomically to
// FILE (default staff.pin_file, else operations.data_dir/staff.pin), mode 0600, and the change is in
// the staff audit log. The PIN is never printed or logged. Exit 0 set, 1 refused or not written.
#include <CLI/CLI.hpp>
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>

#include "kiosk/app/commands/commands.hpp"
#include "kiosk/app/composition/load_settings.hpp"
#include "kiosk/app/staff/staff_files.hpp"
#include "kiosk/core/staff/pin.hpp"

namespace kiosk::app {
namespace {

/// One line from stdin; on a terminal the echo is off while it is typed.
std::optional<std::string> readSecretLine(const char* prompt, bool terminal) {
    termios saved{};
    if (terminal) {
        std::cerr << prompt << std::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    const bool ok = static_cast<bool>(std::getline(std::cin, line));
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << "\n";
    }
    if (!ok) return std::nullopt;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}

std::string weaknessText(core::PinWeakness w) {
    switch (w) {
        case core::PinWeakness::NotDigits: return "a PIN has digits only";
        case core::PinWeakness::TooShort: return "a PIN needs at least 4 digits";
        case core::PinWeakness::TooLong: return "a PIN has at most 12 digits";
        case core::PinWeakness::OneDigit: return "one digit repeated is too easy to guess";
        case core::PinWeakness::Run: return "a run of digits (like 123456) is too easy to guess";
    }
    return "refused";
}

int setPin(const GlobalOptions& options, const std::string& pinFileOption) {
    auto loaded = loadSettingsFor(options);
    if (!loaded) {
        std::cerr << "kiosk set-pin: config: " << loaded.error().message << "\n";
        return 1;
    }
    const StaffPaths paths = staffPathsFor(loaded->settings);
    const std::filesystem::path file = pinFileOption.empty() ? paths.pinFile : std::filesystem::path(pinFileOption);
    const bool terminal = isatty(STDIN_FILENO) != 0;
    auto pin = readSecretLine("New staff PIN (4-12 digits): ", terminal);
    if (!pin) {
        std::cerr << "kiosk set-pin: no PIN on standard input\n";
        return 1;
    }
    if (const auto weak = core::checkNewPin(*pin)) {
        std::cerr << "kiosk set-pin: PIN refused: " << weaknessText(*weak) << "\n";
        return 1;
    }
    if (terminal) {
        const auto again = readSecretLine("Type it again: ", terminal);
        if (!again || *again != *pin) {
            std::cerr << "kiosk set-pin: the two PINs differ; nothing changed\n";
            return 1;
        }
    }
    auto hash = core::hashPin(*pin);
    std::fill(pin->begin(), pin->end(), '\0');
    if (!hash) {
        std::cerr << "kiosk set-pin: " << hash.error().message << "\n";
        return 1;
    }
    if (auto written = writePinHash(file, *hash); !written) {
        std::cerr << "kiosk set-pin: " << written.error().message << "\n";
        return 1;
    }
    // Audited where staff mode keeps its log, when that folder is there (a first set-pin may run
    // before the kiosk ever started).
    if (std::error_code ec; std::filesystem::is_directory(paths.dataDir, ec)) {
        core::AuditEntry entry;
        entry.at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        entry.action = core::AuditAction::PinChanged;
        entry.detail = "kiosk set-pin";
        AuditLog(paths.auditFile, static_cast<std::size_t>(loaded->settings.staff.auditMaxKb) * 1024).append(entry);
    }
    std::cout << "staff PIN set (" << file.string() << ")\n";
    return 0;
}

}  // namespace

void registerSetPinCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result) {
    auto* cmd = cli.add_subcommand("set-pin", "Set the staff PIN: read from standard input (twice on a terminal), "
                                              "stored as an argon2id hash");
    auto pinFile = std::make_shared<std::string>();
    cmd->add_option("--pin-file", *pinFile, "Where the hash goes (default: staff.pin_file, else DATA_DIR/staff.pin)");
    cmd->callback([&options, &result, pinFile] { result.exitCode = setPin(options, *pinFile); });
}

}  // namespace kiosk::app
