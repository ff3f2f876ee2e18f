# Written the way WorkflowLLM-trained models write it, with three slips a model makes.
city = input('''Which city?''')
api_url = is_workflow_actions_url(WFURLActionURL=f'''https://wttr.in/{city}?format=j1''')
response = is_workflow_actions_dowloadurl(WFURL=api_url)
weather = is_workflow_actions_detect_dictionary(WFInput=response)
temperature = weather['''current_condition''']
if Temperature:
    is_workflow_actions_showresult(Text=f'''{city}: {temperature}''')
else:
    is_workflow_actions_alert(WFAlertActionMessage='''No weather for that city.''', WFAlertActionTitel='''Sorry''')
