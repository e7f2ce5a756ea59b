using CQCTP.ApiConventions.Problems;

namespace CQCTP.ApiConventions.Validation;

/// <summary>A validation attribute that names its own error code and message.</summary>
public interface ICodedValidation
{
    FieldError ToFieldError();
}
