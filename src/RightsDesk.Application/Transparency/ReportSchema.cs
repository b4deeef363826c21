namespace RightsDesk.Application.Transparency;

/// <summary>The JSON Schema (draft 2020-12) of report.json, shipped beside it: the documented shape of the JSON form.</summary>
public static class ReportSchema
{
    public const string Text = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "RightsDesk transparency report",
          "description": "One published version of a transparency report. Figures are counts of demands, accounts, items, users or incidents received in the period (UTC, by date received); a band (valueLow < valueHigh) hides a count from 1 to the threshold, or widens another figure so the hidden one cannot be recovered by subtraction. Percentages are computed from the published counts; durations are in hours, withheld (null) when taken over no more cases than the threshold.",
          "type": "object",
          "required": ["period", "version", "publishedAt", "threshold", "policyVersion", "parametersSha256", "treeHead", "recordsRoot", "records", "figuresSha256", "changes", "sources", "dimensions", "figures"],
          "properties": {
            "$schema": { "type": "string" },
            "period": { "type": "string", "pattern": "^[0-9]{4}(-H[12])?$", "description": "YYYY, YYYY-H1 or YYYY-H2." },
            "version": { "type": "integer", "minimum": 1, "description": "Corrections are new versions; earlier versions stay published." },
            "publishedAt": { "type": "string", "format": "date-time" },
            "threshold": { "type": "integer", "minimum": 0, "description": "Counts from 1 to this are shown as the band [1, threshold]." },
            "policyVersion": { "type": "string" },
            "parametersSha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" },
            "treeHead": {
              "type": "object",
              "description": "The signed tree head of the ledger the report was computed at (RFC 6962; check it with the instance's public key).",
              "required": ["size", "root", "timestamp", "signature", "keyId"],
              "properties": {
                "size": { "type": "integer", "minimum": 0 },
                "root": { "type": "string", "pattern": "^[0-9a-f]{64}$" },
                "timestamp": { "type": "integer", "description": "Milliseconds since the Unix epoch." },
                "signature": { "type": "string", "description": "Base64 DER ECDSA P-256 over the RFC 6962 TreeHeadSignature." },
                "keyId": { "type": "string" }
              }
            },
            "recordsRoot": { "type": "string", "pattern": "^[0-9a-f]{64}$", "description": "RFC 6962 Merkle tree hash over the de-identified case records (sorted canonical JSON), see docs/transparency.md." },
            "records": { "type": "integer", "minimum": 0 },
            "figuresSha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" },
            "changes": { "type": "array", "items": { "type": "string" }, "description": "Figures changed from the previous version: 'table/measure[dimension=value]: old -> new'." },
            "sources": { "type": "array", "items": { "type": "string" } },
            "dimensions": { "type": "array", "items": { "type": "string" } },
            "figures": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["table", "measure", "dimension", "value", "valueLow", "valueHigh", "unit", "n"],
                "properties": {
                  "table": { "type": "string" },
                  "measure": { "type": "string" },
                  "dimension": { "type": ["string", "null"], "description": "The one dimension the table breaks its total down by; null for a total." },
                  "value": { "type": ["string", "null"], "description": "The dimension's value (country codes are ISO 3166-1 alpha-2)." },
                  "valueLow": { "type": ["number", "null"] },
                  "valueHigh": { "type": ["number", "null"], "description": "Equal to valueLow for an exact figure; null with a valueLow for 'at least'." },
                  "unit": { "enum": ["requests", "accounts", "items", "users", "incidents", "percent", "hours"] },
                  "n": { "type": ["integer", "null"], "description": "The count a percentage or duration rests on, when published exactly." }
                }
              }
            }
          }
        }

        """;
}
