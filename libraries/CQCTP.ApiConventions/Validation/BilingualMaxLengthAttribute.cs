using System.ComponentModel.DataAnnotations;
using CQCTP.ApiConventions.Problems;
using CQCTP.Primitives;

namespace CQCTP.ApiConventions.Validation;

/// <summary>Both languages of a <see cref="BilingualText"/> stay within <paramref name="length"/> characters.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class BilingualMaxLengthAttribute(int length) : ValidationAttribute, ICodedValidation
{
    public int Length { get; } = length;

    public override bool IsValid(object? value) =>
        // A null French text is the Required rule's to report, not a length.
        value is not BilingualText text || ((text.Fr?.Length ?? 0) <= Length && (text.En?.Length ?? 0) <= Length);

    public FieldError ToFieldError() => ValidationMessages.Error(ValidationMessages.TooLong, Length);
}
