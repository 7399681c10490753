// row_format: see the header. Mirrors docker/cli formatter.Context
// (preFormat, postFormat) for the actions it supports.
#include "sim/engine/row_format.hpp"

#include <cstdio>

#include "sim/engine/docker_format.hpp"

namespace layerlab::engine::format {

std::string goJsonString(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '<':
                out += "\\u003c";
                break;
            case '>':
                out += "\\u003e";
                break;
            case '&':
                out += "\\u0026";
                break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

namespace {

struct Piece {
    bool action = false;
    std::string text;   // literal text, or the trimmed action
    size_t offset = 0;   // byte offset of the action's text in the template
};

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(' ');
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

bool parseTemplate(const std::string& t, std::vector<Piece>& pieces, std::string& error) {
    size_t i = 0;
    while (i < t.size()) {
        const auto open = t.find("{{", i);
        if (open == std::string::npos) {
            pieces.push_back({false, t.substr(i), i});
            break;
        }
        if (open > i) pieces.push_back({false, t.substr(i, open - i), i});
        const auto close = t.find("}}", open + 2);
        if (close == std::string::npos) {
            error = "template: :1: unclosed action";
            return false;
        }
        const std::string inner = t.substr(open + 2, close - open - 2);
        const size_t lead = inner.find_first_not_of(' ');
        pieces.push_back({true, trim(inner), open + 2 + (lead == std::string::npos ? 0 : lead)});
        i = close + 2;
    }
    return true;
}

std::string rowJson(const Row& row) {
    std::string out = "{";
    bool first = true;
    for (const auto& [k, v] : row) {
        if (!first) out += ",";
        first = false;
        out += goJsonString(k) + ":" + goJsonString(v);
    }
    return out + "}";
}

// Executes the pieces against one row. `header` rows answer fields by name.
bool execute(const std::vector<Piece>& pieces, const Row& row, const std::string& typeName, std::string& out,
             std::string& error) {
    for (const auto& p : pieces) {
        if (!p.action) {
            out += p.text;
            continue;
        }
        std::string fn;
        std::string arg = p.text;
        size_t argOffset = p.offset;
        const auto space = p.text.find(' ');
        if (space != std::string::npos) {
            fn = p.text.substr(0, space);
            arg = trim(p.text.substr(space + 1));
            argOffset = p.offset + p.text.find(arg, space);
        }
        if (arg == "." && fn == "json") {
            out += rowJson(row);
            continue;
        }
        const bool simpleField = arg.size() > 1 && arg[0] == '.' && arg.find_first_of(" .", 1) == std::string::npos;
        if (!simpleField || !(fn.empty() || fn == "json" || fn == "upper" || fn == "lower")) {
            error =
                "LayerLab's --format understands {{.Field}}, {{json .}}, {{json .Field}}, {{upper .Field}} and "
                "{{lower .Field}} only; it does not run other Go template actions ({{" +
                p.text + "}})";
            return false;
        }
        const std::string field = arg.substr(1);
        const auto it = row.find(field);
        if (it == row.end()) {
            error = "template: :1:" + std::to_string(argOffset) + ": executing \"\" at <" + arg +
                    ">: can't evaluate field " + field + " in type " + typeName;
            return false;
        }
        std::string v = it->second;
        if (fn == "json") v = goJsonString(v);
        for (char& c : v) {
            if (fn == "upper" && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            if (fn == "lower" && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        out += v;
    }
    return true;
}

std::vector<std::string> splitTabs(const std::string& line) {
    std::vector<std::string> cells;
    size_t start = 0;
    while (true) {
        const auto tab = line.find('\t', start);
        cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return cells;
}

}   // namespace

void FormatResult::writeTo(layerlab::Outcome& o) const {
    if (!error.empty()) {
        o.err = error + "\n";
        o.exitCode = 1;
        return;
    }
    o.out = out;
}

FormatResult renderRows(const std::string& formatText, const std::vector<Row>& rows,
                        const std::map<std::string, std::string>& headers, const std::string& typeName) {
    FormatResult r;
    std::string f = formatText;
    if (f == "json") f = "{{json .}}";
    const bool table = f.rfind("table", 0) == 0;
    if (table) f = f.substr(5);
    f = trim(f);
    // preFormat: literal \t and \n become tab and newline.
    std::string unescaped;
    for (size_t i = 0; i < f.size(); ++i) {
        if (f[i] == '\\' && i + 1 < f.size() && (f[i + 1] == 't' || f[i + 1] == 'n')) {
            unescaped += f[i + 1] == 't' ? '\t' : '\n';
            ++i;
        } else {
            unescaped += f[i];
        }
    }
    std::vector<Piece> pieces;
    if (!parseTemplate(unescaped, pieces, r.error)) return r;

    std::vector<std::string> lines;
    if (table) {
        Row headerRow;
        for (const auto& [k, v] : rows.empty() ? Row{} : rows.front()) headerRow[k] = "";
        for (const auto& [k, v] : headers) headerRow[k] = v;
        std::string h;
        if (!execute(pieces, headerRow, typeName, h, r.error)) return r;
        lines.push_back(h);
    }
    for (const auto& row : rows) {
        std::string line;
        if (!execute(pieces, row, typeName, line, r.error)) return r;
        lines.push_back(line);
    }
    if (table) {
        Table t;
        for (const auto& l : lines) t.addRow(splitTabs(l));
        r.out = t.render();
    } else {
        for (const auto& l : lines) r.out += l + "\n";
    }
    return r;
}

}   // namespace layerlab::engine::format
