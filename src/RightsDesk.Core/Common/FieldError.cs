namespace RightsDesk.Core;

/// <summary>One refused input field: <paramref name="Field"/> is the JSON path a client sent (for example
/// <c>authority.country</c> or <c>targets[2].id</c>), the message says what would be accepted.</summary>
public sealed record FieldError(string Field, string Message);

public sealed class ValidationFailedException(IReadOnlyList<FieldError> errors)
    : Exception("The input was refused: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
