// row_format: docker/cli's --format for list commands, the part a course uses.
//
// A format is "table" (Docker's default columns, chosen by the caller), a Go
// template such as "{{.Repository}}:{{.Tag}}" or "table {{.ID}}\t{{.Size}}",
// or "json" / "{{json .}}" (one JSON object per row, keys sorted as Go
// marshals a map). `\t` and `\n` written literally are turned into tab and
// newline, as docker/cli does. Tables go through the tabwriter of
// docker_format; a "table" template prints a header row made from the
// fields' header names. Supported actions: {{.Field}}, {{json .}},
// {{json .Field}}, {{upper .Field}}, {{lower .Field}}; anything else is
// refused with a plain message (the simulator does not run Go templates).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "sim/events.hpp"

namespace layerlab::engine::format {

using Row = std::map<std::string, std::string>;   // field name -> value ("Repository" -> "node")

struct FormatResult {
    std::string out;   // text to print (every row ends with '\n')
    std::string error;   // non-empty: the template could not be used

    // As the CLI prints it: the rows on stdout, or the error on stderr with exit code 1.
    void writeTo(layerlab::Outcome& o) const;
};

// Renders `rows` with a user format. `headers` maps field names to their
// table header ("ID" -> "IMAGE ID"). `typeName` names the Go type in errors
// ("*formatter.imageContext").
FormatResult renderRows(const std::string& format, const std::vector<Row>& rows,
                        const std::map<std::string, std::string>& headers, const std::string& typeName);

// Go's encoding/json string escaping (HTML-safe: <, >, & as \u003c ...).
std::string goJsonString(const std::string& s);

}   // namespace layerlab::engine::format
