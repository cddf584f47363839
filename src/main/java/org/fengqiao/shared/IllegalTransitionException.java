package org.fengqiao.shared;

/** The action is not allowed in the resource's current state. */
public class IllegalTransitionException extends DomainException {

    public IllegalTransitionException(String message) {
        super(message);
    }

    public static IllegalTransitionException of(String action, Object status) {
        return new IllegalTransitionException("当前状态 " + status + " 下不能执行操作 " + action
                + " (action '" + action + "' is not allowed in status " + status + ")");
    }

    @Override public String slug() { return "illegal-transition"; }
    @Override public int status() { return 409; }
    @Override public String title() { return "Illegal transition"; }
}
