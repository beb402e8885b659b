//! Attribute access, subscripts, and the methods of the built-in types
//! (installed into their classes as native functions, so that method
//! lookup is the same for built-in and user classes).
//!
//! `attr` and `subscript` implement `obj.name` and `obj[key]` on [`Vm`];
//! each built-in type family has a file of native methods, which
//! [`install`] puts into the classes with [`def`].

mod args;
pub mod attr;
mod bytes;
mod coroutines;
mod descr;
mod dict;
mod groups;
mod list;
mod numbers;
mod object;
mod set;
mod slots;
mod str;
mod str_more;
mod subscript;
pub mod super_;
pub mod type_;

use std::rc::Rc;

use self::coroutines::{
    agen_aclose, agen_aiter, agen_anext, agen_asend, agen_athrow, coro_await, gen_close, gen_next,
    gen_send, gen_throw, iter_self, iterator_next,
};
use self::dict::{
    dict_clear, dict_contains, dict_copy, dict_fromkeys, dict_get, dict_items, dict_keys, dict_pop,
    dict_popitem, dict_setdefault, dict_update, dict_values,
};
use self::groups::{
    exception_add_note, group_derive, group_new, group_split, group_str, group_subgroup,
};
use self::list::{
    list_append, list_clear, list_copy, list_count, list_extend, list_index, list_insert, list_pop,
    list_remove, list_reverse, list_sort,
};
use self::numbers::{
    bytes_decode, float_as_integer_ratio, float_ceil, float_floor, float_hex, float_is_integer,
    float_itself, float_trunc, int_as_integer_ratio, int_bit_count, int_bit_length, int_from_bytes,
    int_itself, int_to_bytes,
};
use self::object::{
    exception_init, exception_repr, exception_str, exception_with_traceback, object_delattr,
    object_eq, object_format, object_getattribute, object_hash, object_init, object_init_subclass,
    object_ne, object_new, object_not_implemented, object_repr, object_setattr, object_str,
    object_subclasshook,
};
use self::set::{
    set_add, set_clear, set_contains, set_copy, set_difference, set_difference_update, set_discard,
    set_intersection, set_intersection_update, set_isdisjoint, set_issubset, set_issuperset,
    set_len, set_pop, set_remove, set_symmetric_difference, set_symmetric_difference_update,
    set_union, set_update,
};
use self::str::{
    str_capitalize, str_center, str_count, str_encode, str_endswith, str_find, str_format,
    str_format_map, str_index, str_isalnum, str_isalpha, str_isascii, str_isdigit,
    str_isidentifier, str_islower, str_isspace, str_isupper, str_join, str_ljust, str_lower,
    str_lstrip, str_partition, str_replace, str_rfind, str_rindex, str_rjust, str_rsplit,
    str_rstrip, str_split, str_splitlines, str_startswith, str_strip, str_title, str_upper,
    str_zfill,
};
use crate::vm::value::{Class, Instance, NativeFn, NativeImpl, Payload, Value};
use crate::vm::Vm;

pub use list::{merge_sort, sort_values};

/// Adds a native method to a class.
pub fn def(class: &Rc<Class>, name: &str, func: NativeImpl) {
    let f = NativeFn {
        name: name.into(),
        qualname: format!("{}.{}", class.name, name).into(),
        func,
        bound: None,
        data: None,
    };
    class
        .attrs
        .borrow_mut()
        .set(name.into(), Value::Native(Rc::new(f)));
}

/// Adds a native static method to a class (`str.maketrans`).
fn def_static(vm: &mut Vm, class: &Rc<Class>, name: &str, func: NativeImpl) {
    let f = NativeFn {
        name: name.into(),
        qualname: format!("{}.{}", class.name, name).into(),
        func,
        bound: None,
        data: None,
    };
    let wrapped = Instance::new(
        vm.types.staticmethod.clone(),
        Payload::StaticMethod(Value::Native(Rc::new(f))),
        vm.next_id(),
    );
    class
        .attrs
        .borrow_mut()
        .set(name.into(), Value::Instance(Rc::new(wrapped)));
}

/// Installs the methods of the built-in types.
pub fn install(vm: &mut Vm) {
    let str_class = vm.types.str_.clone();
    def_static(vm, &str_class, "maketrans", str_more::str_maketrans);
    let bytes_class = vm.types.bytes.clone();
    def_static(vm, &bytes_class, "fromhex", bytes::bytes_fromhex);
    let t = &vm.types;
    let s = &t.str_;
    def(s, "format", str_format);
    def(s, "format_map", str_format_map);
    def(s, "lower", str_lower);
    def(s, "upper", str_upper);
    def(s, "title", str_title);
    def(s, "capitalize", str_capitalize);
    def(s, "replace", str_replace);
    def(s, "split", str_split);
    def(s, "rsplit", str_rsplit);
    def(s, "splitlines", str_splitlines);
    def(s, "join", str_join);
    def(s, "strip", str_strip);
    def(s, "lstrip", str_lstrip);
    def(s, "rstrip", str_rstrip);
    def(s, "startswith", str_startswith);
    def(s, "endswith", str_endswith);
    def(s, "find", str_find);
    def(s, "rfind", str_rfind);
    def(s, "rindex", str_rindex);
    def(s, "index", str_index);
    def(s, "count", str_count);
    def(s, "encode", str_encode);
    def(s, "isdigit", str_isdigit);
    def(s, "isalpha", str_isalpha);
    def(s, "isalnum", str_isalnum);
    def(s, "isspace", str_isspace);
    def(s, "isascii", str_isascii);
    def(s, "isidentifier", str_isidentifier);
    def(s, "isupper", str_isupper);
    def(s, "islower", str_islower);
    def(s, "ljust", str_ljust);
    def(s, "rjust", str_rjust);
    def(s, "center", str_center);
    def(s, "zfill", str_zfill);
    def(s, "partition", str_partition);
    def(s, "rpartition", str_more::str_rpartition);
    def(s, "removeprefix", str_more::str_removeprefix);
    def(s, "removesuffix", str_more::str_removesuffix);
    def(s, "swapcase", str_more::str_swapcase);
    def(s, "casefold", str_more::str_casefold);
    def(s, "expandtabs", str_more::str_expandtabs);
    def(s, "istitle", str_more::str_istitle);
    def(s, "isdecimal", str_more::str_isdecimal);
    def(s, "isnumeric", str_more::str_isnumeric);
    def(s, "isprintable", str_more::str_isprintable);
    def(s, "translate", str_more::str_translate);
    let l = &t.list;
    def(l, "append", list_append);
    def(l, "extend", list_extend);
    def(l, "pop", list_pop);
    def(l, "insert", list_insert);
    def(l, "remove", list_remove);
    def(l, "index", list_index);
    def(l, "count", list_count);
    def(l, "sort", list_sort);
    def(l, "reverse", list_reverse);
    def(l, "clear", list_clear);
    def(l, "copy", list_copy);
    def(&t.tuple, "index", list_index);
    def(&t.tuple, "count", list_count);
    let d = &t.dict;
    def(d, "get", dict_get);
    def(d, "keys", dict_keys);
    def(d, "values", dict_values);
    def(d, "items", dict_items);
    def(d, "pop", dict_pop);
    def(d, "popitem", dict_popitem);
    def(d, "setdefault", dict_setdefault);
    def(d, "update", dict_update);
    def(d, "clear", dict_clear);
    def(d, "copy", dict_copy);
    def(d, "__contains__", dict_contains);
    def(d, "fromkeys", dict_fromkeys);
    let st = &t.set;
    def(st, "add", set_add);
    def(st, "discard", set_discard);
    def(st, "remove", set_remove);
    def(st, "pop", set_pop);
    def(st, "update", set_update);
    def(st, "clear", set_clear);
    def(st, "difference_update", set_difference_update);
    def(st, "intersection_update", set_intersection_update);
    def(
        st,
        "symmetric_difference_update",
        set_symmetric_difference_update,
    );
    for st in [&t.set, &t.frozenset] {
        def(st, "copy", set_copy);
        def(st, "union", set_union);
        def(st, "intersection", set_intersection);
        def(st, "difference", set_difference);
        def(st, "symmetric_difference", set_symmetric_difference);
        def(st, "issubset", set_issubset);
        def(st, "issuperset", set_issuperset);
        def(st, "isdisjoint", set_isdisjoint);
        def(st, "__contains__", set_contains);
        def(st, "__len__", set_len);
    }
    def(&t.bytes, "decode", bytes_decode);
    def(&t.bytes, "hex", bytes::bytes_hex);
    for (name, f) in bytes::LIKE_STR {
        def(&t.bytes, name, *f);
    }
    def(&t.float, "is_integer", float_is_integer);
    def(&t.float, "as_integer_ratio", float_as_integer_ratio);
    def(&t.float, "hex", float_hex);
    def(&t.float, "conjugate", float_itself);
    def(&t.float, "__trunc__", float_trunc);
    def(&t.float, "__floor__", float_floor);
    def(&t.float, "__ceil__", float_ceil);
    def(&t.float, "__round__", crate::vm::builtins::round);
    let i = &t.int;
    def(i, "bit_length", int_bit_length);
    def(i, "bit_count", int_bit_count);
    def(i, "to_bytes", int_to_bytes);
    def(i, "from_bytes", int_from_bytes);
    def(i, "as_integer_ratio", int_as_integer_ratio);
    for name in [
        "conjugate",
        "__index__",
        "__int__",
        "__trunc__",
        "__floor__",
        "__ceil__",
    ] {
        def(i, name, int_itself);
    }
    for g in [&t.generator, &t.coroutine] {
        def(g, "send", gen_send);
        def(g, "throw", gen_throw);
        def(g, "close", gen_close);
    }
    def(&t.coroutine, "__await__", coro_await);
    def(&t.generator, "__next__", gen_next);
    def(&t.generator, "__iter__", iter_self);
    def(&t.iterator, "__next__", iterator_next);
    def(&t.iterator, "__iter__", iter_self);
    let ag = &t.async_generator;
    def(ag, "__aiter__", agen_aiter);
    def(ag, "__anext__", agen_anext);
    def(ag, "asend", agen_asend);
    def(ag, "athrow", agen_athrow);
    def(ag, "aclose", agen_aclose);
    let o = &t.object;
    def(o, "__new__", object_new);
    def(o, "__init__", object_init);
    def(o, "__repr__", object_repr);
    def(o, "__str__", object_str);
    def(o, "__format__", object_format);
    def(o, "__eq__", object_eq);
    def(o, "__ne__", object_ne);
    for name in ["__lt__", "__le__", "__gt__", "__ge__"] {
        def(o, name, object_not_implemented);
    }
    def(o, "__hash__", object_hash);
    def(o, "__getattribute__", object_getattribute);
    def(o, "__setattr__", object_setattr);
    def(o, "__delattr__", object_delattr);
    let ty = &t.type_;
    def(ty, "__new__", type_::type_new);
    def(ty, "__init__", type_::type_init);
    def(ty, "__call__", type_::type_call);
    def(ty, "mro", type_::type_mro);
    def(ty, "__subclasses__", type_::type_subclasses);
    def(ty, "__instancecheck__", type_::type_instancecheck);
    def(ty, "__subclasscheck__", type_::type_subclasscheck);
    def(ty, "__setattr__", type_::type_setattr);
    def(ty, "__delattr__", type_::type_delattr);
    let p = &t.property;
    def(p, "__new__", descr::property_new);
    def(p, "__init__", descr::property_init);
    def(p, "getter", descr::property_getter);
    def(p, "setter", descr::property_setter);
    def(p, "deleter", descr::property_deleter);
    def(p, "__set_name__", descr::property_set_name);
    for d in [&t.property, &t.member_descriptor] {
        def(d, "__get__", descr::descr_get_native);
        def(d, "__set__", descr::descr_set_native);
        def(d, "__delete__", descr::descr_delete_native);
    }
    def(&t.classmethod, "__new__", descr::classmethod_new);
    def(&t.staticmethod, "__new__", descr::staticmethod_new);
    def(&t.staticmethod, "__call__", descr::staticmethod_call);
    for d in [&t.classmethod, &t.staticmethod] {
        def(d, "__get__", descr::descr_get_native);
        def(d, "__init__", descr::wrapper_init);
    }
    def(&t.super_, "__new__", super_::super_new);
    def(&t.function, "__get__", descr::function_get);
    let base = t.exc("BaseException");
    def(&base, "__init__", exception_init);
    def(&base, "with_traceback", exception_with_traceback);
    def(&base, "__str__", exception_str);
    def(&base, "__repr__", exception_repr);
    def(&base, "add_note", exception_add_note);
    let group = t.exc("BaseExceptionGroup");
    def(&group, "__new__", group_new);
    def(&group, "__str__", group_str);
    def(&group, "split", group_split);
    def(&group, "subgroup", group_subgroup);
    def(&group, "derive", group_derive);
    slots::install(vm);
    let t = &vm.types;
    let classmethods: [(&Rc<Class>, &str, NativeImpl); 3] = [
        (&t.object, "__init_subclass__", object_init_subclass),
        (&t.object, "__subclasshook__", object_subclasshook),
        (&t.type_, "__prepare__", type_::type_prepare),
    ];
    let classmethods: Vec<(Rc<Class>, &str, NativeImpl)> = classmethods
        .into_iter()
        .map(|(c, n, f)| (c.clone(), n, f))
        .collect();
    for (class, name, func) in classmethods {
        def(&class, name, func);
        let f = class
            .attrs
            .borrow()
            .get(name)
            .cloned()
            .unwrap_or(Value::None);
        let cm = vm.types.classmethod.clone();
        let d = vm.implicit_descriptor(&cm, Payload::ClassMethod(f));
        class.attrs.borrow_mut().set(name.into(), d);
    }
    let t = &vm.types;
    let all = [
        &t.object,
        &t.type_,
        &t.property,
        &t.classmethod,
        &t.staticmethod,
        &t.member_descriptor,
        &t.super_,
    ]
    .map(|c| c.clone());
    for c in all {
        c.flags.set(crate::vm::classdef::class_flags(&c));
    }
    crate::vm::views::install(vm);
}
