__workflow__ = {"WFWorkflowClientVersion": "2038.0.2.4", "WFWorkflowMinimumClientVersion": 900}
provided_input = input('''Your name?''')
text = f'''Hello, {provided_input}!'''
if provided_input == '''Ann''':
    is_workflow_actions_showresult(Text=f'''{text}''')
else:
    is_workflow_actions_showresult(Text='''Who are you?''')
dictionary = {"name": f'''{provided_input}''', "greeting": '''hello''', "visits": 1, "admin": False}
Profile = dictionary
