// Which backend URLs would send the device token in clear text to another machine (issue 15, defect 6).
#include "kiosk/core/api/backend_url.hpp"

#include <gtest/gtest.h>

using namespace kiosk::core;

TEST(BackendUrlTest, LoopbackHosts) {
    for (const char* host : {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]"}) {
        EXPECT_TRUE(isLoopbackHost(host)) << host;
    }
    for (const char* host : {"", "example.vn", "127.0.0.1.example.vn", "128.0.0.1", "127.0.0", "127.0.0.256",
                             "127.0.0.1.", "localhost.example", "10.0.0.1", "[::2]", "0.0.0.0"}) {
        EXPECT_FALSE(isLoopbackHost(host)) << host;
    }
}

TEST(BackendUrlTest, PlainHttpToRemoteHosts) {
    for (const char* url : {"http://backend.example.vn", "http://10.0.0.5:8080/api", "HTTP://example.vn",
                            "http://127.0.0.1.evil.vn/", "http://user@example.vn", "http://[2001:db8::1]:80"}) {
        EXPECT_TRUE(isPlainHttpToRemoteHost(url)) << url;
    }
    for (const char* url : {"https://backend.example.vn", "http://127.0.0.1:8787", "http://localhost/x",
                            "http://[::1]:9/", "", "ftp://example.vn"}) {
        EXPECT_FALSE(isPlainHttpToRemoteHost(url)) << url;
    }
}
