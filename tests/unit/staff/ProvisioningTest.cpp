#include "kiosk/core/staff/provisioning.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/core/scan/code_render.hpp"
#include "kiosk/core/scan/decode_pipeline.hpp"

using namespace kiosk::core;

namespace {

const std::string kDocument =
    "[office]\nname = \"Bộ phận Một cửa UBND phường Tân Thạnh\"\n"
    "[operations]\nkiosk_id = \"tamky-tanthanh-01\"\n"
    "[backend]\nurl = \"https://kiosk-api.quangnam.gov.vn\"\n"
    "[provisioning]\nenrolment_code = \"K7Q2-M9XD-4TPA\"\n";

}  // namespace

TEST(ProvisioningTest, ValidDocumentGivesItsKeysAndCode) {
    const ProvisioningParse parsed = parseProvisioning(kDocument, "provision.toml");
    ASSERT_TRUE(parsed.document) << formatIssue(parsed.issues.front());
    const ProvisioningDocument& doc = *parsed.document;
    EXPECT_EQ(doc.enrolmentCode, "K7Q2-M9XD-4TPA");
    EXPECT_EQ(doc.keys, (std::vector<std::string>{"office.name", "backend.url", "operations.kiosk_id"}));
    EXPECT_EQ(doc.settings.operations.kioskId, "tamky-tanthanh-01");
    // The configuration to write holds the keys, never the enrolment code.
    EXPECT_EQ(doc.configToml.find("K7Q2"), std::string::npos);
    EXPECT_NE(doc.configToml.find("kiosk_id = 'tamky-tanthanh-01'"), std::string::npos) << doc.configToml;
}

TEST(ProvisioningTest, BadDocumentsAreRefusedWithFileLineAndKey) {
    const std::string bad =
        "[office]\nnam = \"x\"\n[backend]\nurl = \"ftp://x\"\n[operations]\ndata_dir = \"/tmp/x\"\n"
        "[provisioning]\nenrolment_code = \"ab\"\n";
    const ProvisioningParse parsed = parseProvisioning(bad, "bad.toml");
    EXPECT_FALSE(parsed.document);
    std::vector<std::string> lines;
    for (const ConfigIssue& i : parsed.issues) lines.push_back(formatIssue(i));
    const auto has = [&](const std::string& part) {
        return std::ranges::any_of(lines, [&](const std::string& l) { return l.find(part) != std::string::npos; });
    };
    EXPECT_TRUE(has("bad.toml:2: office.nam: unknown key; did you mean 'office.name'?"));
    EXPECT_TRUE(has("bad.toml:4: backend.url: bad URL"));
    EXPECT_TRUE(has("bad.toml:6: operations.data_dir: cannot be set by provisioning"));
    EXPECT_TRUE(has("bad.toml:8: provisioning.enrolment_code:"));
    EXPECT_TRUE(has("bad.toml:0: operations.kiosk_id: missing"));
    EXPECT_FALSE(has("backend.url: missing"));  // its bad value is the problem, said once

    EXPECT_FALSE(parseProvisioning("[office\n", "x.toml").document);
    const ProvisioningParse noCode = parseProvisioning(
        "[backend]\nurl = \"https://h\"\n[operations]\nkiosk_id = \"k\"\n", "nocode.toml");
    ASSERT_EQ(noCode.issues.size(), 1u);
    EXPECT_EQ(noCode.issues[0].key, "provisioning.enrolment_code");
}

// Document -> payload -> QR image -> decoded by the kiosk's camera pipeline -> the same document.
TEST(ProvisioningTest, QrRoundTrip) {
    const std::string payload = encodeProvisioningPayload(kDocument);
    EXPECT_TRUE(isProvisioningPayload(payload));
    EXPECT_TRUE(std::ranges::all_of(payload, [](char c) { return c > ' ' && c < 0x7f; }));  // byte-safe in any reader
    auto image = renderCode(payload, Symbology::QrCode, {.modulePixels = 4, .quietModules = 4, .barHeight = 60, .dark = 20, .light = 240});
    ASSERT_TRUE(image) << image.error().message;
    DecodePipeline pipeline;
    const auto found = pipeline.decodeStill(image->view());
    ASSERT_TRUE(found);
    EXPECT_EQ(found->text, payload);
    auto text = decodeProvisioningPayload(found->text);
    ASSERT_TRUE(text);
    EXPECT_EQ(*text, kDocument);
    EXPECT_TRUE(parseProvisioning(*text, "QR code").document);

    EXPECT_FALSE(decodeProvisioningPayload("KIOSK-PROVISION:1:***"));
    EXPECT_FALSE(decodeProvisioningPayload("000.00.06.H56-231027-0361"));
}

TEST(ProvisioningTest, EnrolmentCodeShape) {
    EXPECT_TRUE(isValidEnrolmentCode("K7Q2-M9XD-4TPA"));
    EXPECT_FALSE(isValidEnrolmentCode("abc"));
    EXPECT_FALSE(isValidEnrolmentCode("has space"));
    EXPECT_FALSE(isValidEnrolmentCode(std::string(65, 'a')));
}
