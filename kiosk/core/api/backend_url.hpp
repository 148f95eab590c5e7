#pragma once
// Whether a backend URL would send the device token in clear text to another machine. Plain http://
// is accepted for loopback only (the reference backend in tests and the demo) unless the operator
// sets backend.allow_insecure_http = true; config validation and the backend client share this rule.

#include <string_view>

namespace kiosk::core {

/// @param host a URL's host: a name, a dotted IPv4 address or an IPv6 address with or without brackets
/// @return true for "localhost", 127.0.0.0/8 and ::1
bool isLoopbackHost(std::string_view host);

/// @param url an absolute URL ("http://host:port/path")
/// @return true when @p url is plain http:// to a host that is not loopback
bool isPlainHttpToRemoteHost(std::string_view url);

}  // namespace kiosk::core
