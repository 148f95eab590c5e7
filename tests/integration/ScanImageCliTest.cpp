// `kiosk scan-image`: the real binary on files of the decode set; one JSON line per file.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace {

struct CliRun {
    int exitCode = -1;
    std::vector<nlohmann::json> lines;
};

CliRun scanImage(const std::string& args) {
    CliRun run;
    const std::string cmd = std::string{KIOSK_BINARY} + " scan-image " + args + " 2>/dev/null";
    FILE* p = ::popen(cmd.c_str(), "r");
    if (p == nullptr) return run;
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int status = ::pclose(p);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::size_t start = 0;
    while (start < out.size()) {
        const auto end = out.find('\n', start);
        const std::string line = out.substr(start, end - start);
        if (!line.empty()) run.lines.push_back(nlohmann::json::parse(line));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return run;
}

std::string data(const std::string& name) { return std::string{KIOSK_TEST_DATA_DIR} + "/scan/" + name; }

std::string expected(const std::string& name) {
    std::ifstream in(data(name + ".txt"));
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(ScanImageCliTest, OneJsonLinePerFileInOrder) {
    const CliRun run = scanImage(data("plain-qr-bare-offcentre.png") + " " + data("nocode-receipt.png") + " " + data("inverted-qr-url-fill80.png"));
    EXPECT_EQ(run.exitCode, 0);
    ASSERT_EQ(run.lines.size(), 3u);
    EXPECT_EQ(run.lines[0]["file"], data("plain-qr-bare-offcentre.png"));
    EXPECT_EQ(run.lines[0]["found"], true);
    EXPECT_EQ(run.lines[0]["kind"], "dossier");
    EXPECT_TRUE(run.lines[0]["ms"].is_number_integer());
    EXPECT_FALSE(run.lines[0].contains("text")) << "decoded text only with --raw";
    EXPECT_EQ(run.lines[1]["found"], false);
    EXPECT_EQ(run.lines[1]["kind"], "none");
    // A lookup URL on the default trusted host with an MHS parameter is a dossier code.
    EXPECT_EQ(run.lines[2]["found"], true);
    EXPECT_EQ(run.lines[2]["kind"], "dossier");
}

TEST(ScanImageCliTest, RawAddsTheDecodedText) {
    const CliRun run = scanImage("--raw " + data("plain-code128-800.png"));
    ASSERT_EQ(run.lines.size(), 1u);
    EXPECT_EQ(run.lines[0]["text"], expected("plain-code128-800"));
    EXPECT_EQ(run.lines[0]["kind"], "dossier");
}

TEST(ScanImageCliTest, UnreadableFilesAreReportedAndFailTheRun) {
    const CliRun run = scanImage("/nonexistent/receipt.png " + data("plain-qr-bare-offcentre.txt") + " " + data("plain-qr-bare-offcentre.png"));
    EXPECT_EQ(run.exitCode, 1);
    ASSERT_EQ(run.lines.size(), 3u);
    EXPECT_EQ(run.lines[0]["found"], false);
    EXPECT_TRUE(run.lines[0].contains("error"));
    EXPECT_TRUE(run.lines[1].contains("error")) << "a text file is not an image";
    EXPECT_EQ(run.lines[2]["found"], true) << "later files are still scanned";
}

TEST(ScanImageCliTest, NoFileIsAUsageError) {
    const CliRun run = scanImage("");
    EXPECT_NE(run.exitCode, 0);
    EXPECT_TRUE(run.lines.empty());
}

}  // namespace
