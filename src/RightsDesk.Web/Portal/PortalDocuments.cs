using System.Text;
using RightsDesk.Core;
using RightsDesk.Web.Demands;

namespace RightsDesk.Web.Portal;

/// <summary>
/// What the portal accepts as the demand's document: PDF, PNG, JPEG, TIFF or plain text, up to the desk's document
/// limit. The declared type must match the file's first bytes, so a renamed executable or an office file with macros
/// does not reach the staff who open it.
/// </summary>
public static class PortalDocuments
{
    public const string Accept = "application/pdf,image/png,image/jpeg,image/tiff,text/plain,.pdf,.png,.jpg,.jpeg,.tif,.tiff,.txt";

    private static readonly Dictionary<string, Func<byte[], bool>> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = b => Starts(b, "%PDF-"u8),
        ["image/png"] = b => Starts(b, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ["image/jpeg"] = b => Starts(b, [0xFF, 0xD8, 0xFF]),
        ["image/tiff"] = b => Starts(b, [0x49, 0x49, 0x2A, 0x00]) || Starts(b, [0x4D, 0x4D, 0x00, 0x2A]),
        ["text/plain"] = IsText,
    };

    /// <summary>Throws a field error for "document" unless the upload is an accepted type whose bytes agree.</summary>
    public static void Check(Upload upload)
    {
        if (!Signatures.TryGetValue(upload.ContentType, out var matches))
        {
            throw new ValidationFailedException([new FieldError("document", "Attach the document as PDF, PNG, JPEG, TIFF or plain text.")]);
        }

        if (!matches(upload.Content))
        {
            throw new ValidationFailedException([new FieldError("document", $"The file's contents are not {Describe(upload.ContentType)}, though it is named as one. Attach the original file.")]);
        }
    }

    private static bool Starts(byte[] b, ReadOnlySpan<byte> prefix) => b.AsSpan().StartsWith(prefix);

    private static bool IsText(byte[] b)
    {
        if (Array.IndexOf(b, (byte)0) >= 0)
        {
            return false;
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(b);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string Describe(string type) => type.ToLowerInvariant() switch
    {
        "application/pdf" => "a PDF",
        "image/png" => "a PNG image",
        "image/jpeg" => "a JPEG image",
        "image/tiff" => "a TIFF image",
        _ => "UTF-8 text",
    };
}
