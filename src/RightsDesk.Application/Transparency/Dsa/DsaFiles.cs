using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RightsDesk.Core.Transparency.Dsa;

namespace RightsDesk.Application.Transparency.Dsa;

/// <summary>
/// Writes the sheets as the Commission publishes the template: one CSV per sheet named after it (UTF-8, comma,
/// quotes only where a field needs them) and one XLSX workbook with a worksheet per sheet in the same order, numbers
/// as numbers. Returns the SHA-256 of every file written.
/// </summary>
public static class DsaFiles
{
    public const string Workbook = "dsa_transparency_report.xlsx";

    public static string Csv(DsaSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var text = new StringBuilder();
        text.Append(DsaHeaders.CsvLine(sheet.Header)).Append('\n');
        foreach (var row in sheet.Rows)
        {
            text.Append(DsaHeaders.CsvLine(row.Select(c => c.Text))).Append('\n');
        }

        return text.ToString();
    }

    public static async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyList<DsaSheet> sheets, string directory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        Directory.CreateDirectory(directory);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sheet in sheets)
        {
            var bytes = new UTF8Encoding(false).GetBytes(Csv(sheet));
            await File.WriteAllBytesAsync(Path.Combine(directory, sheet.Name + ".csv"), bytes, ct);
            hashes[sheet.Name + ".csv"] = ReportJson.Sha256(bytes);
        }

        using (var stream = new MemoryStream())
        {
            WriteWorkbook(sheets, stream);
            var bytes = stream.ToArray();
            await File.WriteAllBytesAsync(Path.Combine(directory, Workbook), bytes, ct);
            hashes[Workbook] = ReportJson.Sha256(bytes);
        }

        return hashes;
    }

    public static void WriteWorkbook(IReadOnlyList<DsaSheet> sheets, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var list = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(sheet.Header.Select(h => (DsaCell)h)));
            foreach (var row in sheet.Rows)
            {
                data.Append(Row(row));
            }

            part.Worksheet = new Worksheet(data);
            // Excel allows 31 characters in a sheet name; the template's names are shorter.
            list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }

        workbook.Workbook.Save();
    }

    private static Row Row(IEnumerable<DsaCell> cells)
    {
        var row = new Row();
        foreach (var c in cells)
        {
            row.Append(c.IsNumber
                ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(double.Parse(c.Text, CultureInfo.InvariantCulture)) }
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(c.Text) { Space = SpaceProcessingModeValues.Preserve }) });
        }

        return row;
    }
}
