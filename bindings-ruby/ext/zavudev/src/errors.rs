//! The one conversion of core's errors into Ruby exceptions: respelled for Ruby (snake_case
//! parameter names), raised as the class of its kind from `Zavudev::` (declared in
//! `lib/zavudev/errors.rb` after `zavu_core::ERROR_CLASSES`), with every field core knows.

use magnus::Module;
use magnus::value::ReprValue;
use magnus::{Exception, IntoValue, RClass, RModule, Ruby, Value};
use zavu_core::{Error, ParamStyle};

/// Core's error as the Ruby exception to raise.
pub fn to_rb_err(ruby: &Ruby, error: Error) -> magnus::Error {
    let error = error.respelled(ParamStyle::Snake);
    match build(ruby, &error) {
        Ok(exception) => exception.into(),
        // The gem's Ruby half is missing (the native library loaded alone): still raise.
        Err(_) => magnus::Error::new(
            ruby.exception_runtime_error(),
            format!("{}: {}", error.code(), error.message()),
        ),
    }
}

fn build(ruby: &Ruby, error: &Error) -> Result<Exception, magnus::Error> {
    let module: RModule = ruby.class_object().const_get("Zavudev")?;
    let class: RClass = module.const_get(error.kind().class_name())?;
    let value: Value = class.funcall("new", (error.message(),))?;
    let set = |name: &str, v: Value| -> Result<(), magnus::Error> {
        let _: Value = value.funcall("instance_variable_set", (name, v))?;
        Ok(())
    };
    set("@code", error.code().into_value_with(ruby))?;
    set("@kind", error.kind().as_str().into_value_with(ruby))?;
    set("@status", error.status().into_value_with(ruby))?;
    set("@param", error.param().into_value_with(ruby))?;
    set(
        "@retry_after",
        error
            .retry_after()
            .map(|d| d.as_secs_f64())
            .into_value_with(ruby),
    )?;
    set("@request_id", error.request_id().into_value_with(ruby))?;
    set("@body", error.body().into_value_with(ruby))?;
    Exception::from_value(value)
        .ok_or_else(|| magnus::Error::new(ruby.exception_type_error(), "not an exception class"))
}
