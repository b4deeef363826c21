using Microsoft.AspNetCore.Http.Features;
using RightsDesk.Core;
using RightsDesk.Core.Demands;

namespace RightsDesk.Web.Demands;

/// <summary>Reads a demand submission: a JSON body, or multipart with a "demand" part and a "document" file.</summary>
public static class DemandUploads
{
    // The original documents that arrive: letters, court orders and scans.
    private static readonly Dictionary<string, string> AllowedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = ".pdf", ["image/png"] = ".png", ["image/jpeg"] = ".jpg", ["image/tiff"] = ".tif",
        ["text/plain"] = ".txt", ["message/rfc822"] = ".eml",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
    };

    public static async Task<(byte[] Body, Upload? Document)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var demandPart = form["demand"].ToString();
            var file = form.Files["demand"];
            byte[] body;
            if (!string.IsNullOrEmpty(demandPart))
            {
                body = System.Text.Encoding.UTF8.GetBytes(demandPart);
            }
            else if (file is not null)
            {
                body = await ReadAll(file, DemandReader.MaxDocumentBytes, "demand", ct);
            }
            else
            {
                throw new ValidationFailedException([new FieldError("demand", "A multipart submission needs a 'demand' part with the demand as JSON.")]);
            }

            var doc = form.Files["document"];
            return (body, doc is null ? null : await ToUpload(doc, ct));
        }

        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationFailedException([new FieldError("$", "Send the demand as application/json, or as multipart/form-data with a 'demand' part.")]);
        }

        using var buffer = new MemoryStream();
        var limit = DemandReader.MaxDocumentBytes + 1;
        await CopyLimited(request.Body, buffer, limit, ct);
        if (buffer.Length >= limit)
        {
            throw new ValidationFailedException([new FieldError("$", $"The demand is larger than {DemandReader.MaxDocumentBytes / 1024} KB; attach long texts as the document instead.")]);
        }

        return (buffer.ToArray(), null);
    }

    public static async Task<Upload> ReadDocumentOnlyAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw new ValidationFailedException([new FieldError("document", "Upload the document as multipart/form-data in a part named 'document'.")]);
        }

        var form = await request.ReadFormAsync(ct);
        var doc = form.Files["document"] ?? throw new ValidationFailedException([new FieldError("document", "No file in a part named 'document'.")]);
        return await ToUpload(doc, ct);
    }

    public static async Task<Upload> ToUpload(IFormFile file, CancellationToken ct)
    {
        if (!AllowedTypes.ContainsKey(file.ContentType))
        {
            throw new ValidationFailedException([new FieldError("document", $"Documents of type '{file.ContentType}' are not accepted; send PDF, PNG, JPEG, TIFF, plain text, e-mail (.eml) or DOCX.")]);
        }

        var content = await ReadAll(file, CreateDemand.MaxDocumentBytes, "document", ct);
        if (content.Length == 0)
        {
            throw new ValidationFailedException([new FieldError("document", "The file is empty.")]);
        }

        // Only the base name is kept: a path in a file name tells about the sender's machine.
        var name = Path.GetFileName(file.FileName ?? "document");
        name = name.Length > 200 ? name[..200] : name;
        return new Upload(string.IsNullOrWhiteSpace(name) ? "document" + AllowedTypes[file.ContentType] : name, file.ContentType, content);
    }

    private static async Task<byte[]> ReadAll(IFormFile file, long max, string field, CancellationToken ct)
    {
        if (file.Length > max)
        {
            throw new ValidationFailedException([new FieldError(field, $"The file is larger than {max / (1024 * 1024.0):0.#} MB.")]);
        }

        using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await CopyLimited(stream, buffer, max + 1, ct);
        return buffer.Length > max
            ? throw new ValidationFailedException([new FieldError(field, $"The file is larger than {max / (1024 * 1024.0):0.#} MB.")])
            : buffer.ToArray();
    }

    private static async Task CopyLimited(Stream source, Stream target, long limit, CancellationToken ct)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            total += read;
            await target.WriteAsync(chunk.AsMemory(0, read), ct);
            if (total >= limit)
            {
                return;
            }
        }
    }

    public static void ConfigureLimits(FormOptions o)
    {
        o.MultipartBodyLengthLimit = CreateDemand.MaxDocumentBytes + DemandReader.MaxDocumentBytes + 64 * 1024;
        o.ValueLengthLimit = DemandReader.MaxDocumentBytes;
        // The intake form has a field per part of the demand (six target rows, each data category): room for those.
        o.ValueCountLimit = 200;
        o.MultipartHeadersLengthLimit = 16 * 1024;
    }
}
