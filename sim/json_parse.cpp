#include "sim/json_parse.hpp"

namespace layerlab {
namespace {

// A SAX pass that keeps only the first error (the DOM parser with
// allow_exceptions=false says that there was one, not which).
class FirstError : public nlohmann::json_sax<nlohmann::json> {
public:
    explicit FirstError(JsonParseError& error) : m_error(error) {}
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
        m_error.byte = position;
        m_error.what = e.what();
        return false;
    }

private:
    JsonParseError& m_error;
};

}   // namespace

std::optional<nlohmann::json> parseJson(std::string_view text, JsonParseError& error) {
    nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (!doc.is_discarded()) return doc;
    FirstError sax(error);
    nlohmann::json::sax_parse(text.begin(), text.end(), &sax);
    if (error.what.empty()) error.what = "[json.exception.parse_error.101] parse error";   // never expected
    return std::nullopt;
}

}   // namespace layerlab
