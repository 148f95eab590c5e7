#pragma once
// Printer URIs, as written in printer.uri and `--printer`:
//   usb:/dev/usb/lp0     a device file of the USB printer class
//   tcp://HOST[:PORT]    raw TCP; the port defaults to 9100 (the JetDirect port every network
//                        thermal printer listens on); IPv6 hosts in brackets: tcp://[fd00::5]:9100
//   cups:QUEUE           a raw CUPS queue
//   file:PATH            jobs appended to a file (development)
// One parser for the config check, the command line and the printer backends (platform/printer.hpp).

#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/core/common/result.hpp"

namespace kiosk::core {

/// A parsed printer URI.
struct PrinterUri {
    enum class Scheme { Usb, Tcp, Cups, File };
    static constexpr std::uint16_t kDefaultTcpPort = 9100;

    Scheme scheme = Scheme::File;
    std::string target;                    ///< device path, CUPS queue or file path; the host for tcp
    std::uint16_t port = kDefaultTcpPort;  ///< tcp only
    std::string text;                      ///< the URI as given, for messages
};

/// Parses a printer URI (see the file comment).
/// @return the URI, or an InvalidInput error whose message names the URI and what is wrong with it
Result<PrinterUri> parsePrinterUri(std::string_view uri);

}  // namespace kiosk::core
